using System;
using System.Security.Cryptography;
using System.Text;

namespace SlaEngine;

public sealed partial class Policy
{
    /// <summary>
    /// The policy's digest, <c>sha256:</c> and 64 lowercase hex digits: the SHA-256 of the policy text's UTF-8 bytes
    /// (without a byte order mark). A stored ticket carries it, so that reading the ticket under an edited policy
    /// says so.
    /// </summary>
    public string Digest { get; internal init; } = string.Empty;

    /// <summary>The digest of a policy text, as <see cref="Digest"/> gives it.</summary>
    internal static string DigestOf(string text) => "sha256:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();
}
