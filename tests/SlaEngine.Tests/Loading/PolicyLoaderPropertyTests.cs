using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using FluentAssertions;
using SlaEngine.Diagnostics;
using Xunit;

namespace SlaEngine.Tests.Loading;

/// <summary>
/// Mutates the reference policy at random (seeded, a few seconds at most) and checks that the loader always answers with
/// a result, never an exception, and that its diagnostics are well-formed.
/// </summary>
public sealed class PolicyLoaderPropertyTests
{
    private const string Seed = "0000jNVVYYG1";
    private const int Seconds = 3;

    private static readonly byte[] Reference = File.ReadAllBytes(TestFiles.ReferencePolicyPath);

    private static readonly HashSet<string> KnownCodes = typeof(DiagnosticCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToHashSet(StringComparer.Ordinal);

    // Characters that matter to YAML or to text decoding.
    private static readonly string[] Nasty = ["[", "]", "{", "}", "&a ", "*a", ":", "- ", "\"", "'", "\t", "#", "\n", "\r", "|", ">", "%", "!", "?", "\0", "\uFEFF", "é", "\u2028", ",", "---\n", "...\n", "~", "<<: "];

    private static readonly Gen<Mutation> GenMutation =
        Gen.Select(Gen.Int[0, 6], Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue], Gen.Byte.Array[1, 6], (kind, a, b, bytes) => new Mutation((MutationKind)kind, a, b, bytes));

    private static readonly Gen<Mutation[]> GenMutations = GenMutation.Array[1, 4];

    private enum MutationKind
    {
        DeleteLine,
        SwapScalars,
        DuplicateLine,
        InsertBytes,
        InsertCharacters,
        Truncate,
        ReplaceLineWithNasty,
    }

    [Fact]
    public void Loading_a_mutated_reference_policy_never_throws_and_gives_well_formed_diagnostics()
    {
        GenMutations.Sample(
            mutations =>
            {
                var bytes = Apply(Reference, mutations);

                var fromBytes = PolicyLoader.Load(bytes, "p.yaml");
                ShouldBeWellFormed(fromBytes);

                var text = Encoding.UTF8.GetString(bytes);
                ShouldBeWellFormed(PolicyLoader.Load(text, "p.yaml"));
            },
            seed: Seed,
            time: Seconds,
            print: m => string.Join(" | ", m.Select(x => x.ToString())));
    }

    [Fact]
    public void The_unmutated_reference_policy_loads_clean_from_bytes_and_text()
    {
        PolicyLoader.Load(Reference, "p.yaml").Errors.Should().BeEmpty();
        PolicyLoader.Load(Encoding.UTF8.GetString(Reference), "p.yaml").Errors.Should().BeEmpty();
    }

    private static void ShouldBeWellFormed(PolicyLoadResult result)
    {
        result.Should().NotBeNull();
        result.Diagnostics.IsDefault.Should().BeFalse();
        foreach (var d in result.Diagnostics)
        {
            d.Location.Line.Should().BeGreaterThanOrEqualTo(1, d.ToString());
            d.Location.Column.Should().BeGreaterThanOrEqualTo(1, d.ToString());
            KnownCodes.Should().Contain(d.Code, d.ToString());
            d.Message.Should().NotBeNullOrWhiteSpace();
        }

        if (result.Diagnostics.Any(d => d.IsError))
        {
            result.Policy.Should().BeNull();
        }
        else
        {
            result.Policy.Should().NotBeNull("a load without errors gives a policy");
        }
    }

    private static byte[] Apply(byte[] original, IEnumerable<Mutation> mutations)
    {
        var bytes = original;
        foreach (var m in mutations)
        {
            bytes = m.Kind switch
            {
                MutationKind.DeleteLine => OnLines(bytes, lines => lines.RemoveAt(m.A % lines.Count)),
                MutationKind.DuplicateLine => OnLines(bytes, lines => lines.Insert(m.A % lines.Count, lines[m.A % lines.Count])),
                MutationKind.SwapScalars => OnLines(bytes, lines => SwapScalars(lines, m.A, m.B)),
                MutationKind.InsertBytes => [.. bytes.Take(m.A % (bytes.Length + 1)), .. m.Bytes, .. bytes.Skip(m.A % (bytes.Length + 1))],
                MutationKind.InsertCharacters => [.. bytes.Take(m.A % (bytes.Length + 1)), .. Encoding.UTF8.GetBytes(Nasty[m.B % Nasty.Length]), .. bytes.Skip(m.A % (bytes.Length + 1))],
                MutationKind.Truncate => bytes[..(m.A % (bytes.Length + 1))],
                MutationKind.ReplaceLineWithNasty => OnLines(bytes, lines => lines[m.A % lines.Count] = new string(' ', m.B % 8) + Nasty[m.B % Nasty.Length]),
                _ => bytes,
            };
        }

        return bytes;
    }

    private static byte[] OnLines(byte[] bytes, Action<List<string>> change)
    {
        var lines = Encoding.UTF8.GetString(bytes).Split('\n').ToList();
        change(lines);
        return Encoding.UTF8.GetBytes(string.Join('\n', lines));
    }

    private static void SwapScalars(List<string> lines, int a, int b)
    {
        var valued = lines.Select((line, index) => (line, index, match: ScalarValue().Match(line))).Where(x => x.match.Success).ToList();
        if (valued.Count < 2)
        {
            return;
        }

        var first = valued[a % valued.Count];
        var second = valued[b % valued.Count];
        lines[first.index] = first.match.Groups[1].Value + second.match.Groups[2].Value;
        lines[second.index] = second.match.Groups[1].Value + first.match.Groups[2].Value;
    }

    private static Regex ScalarValue() => new(@"^(\s*(?:- )?[A-Za-z][\w-]*: )(\S.*)$", RegexOptions.CultureInvariant);

    private sealed record Mutation(MutationKind Kind, int A, int B, byte[] Bytes)
    {
        public override string ToString() => $"{Kind}({A}, {B}, [{string.Join(",", Bytes)}])";
    }
}
