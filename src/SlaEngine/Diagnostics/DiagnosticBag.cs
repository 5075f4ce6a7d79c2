using System.Collections.Generic;
using System.Collections.Immutable;
using System;
using System.Text;

namespace SlaEngine.Diagnostics;

/// <summary>Collects diagnostics during one load; not thread-safe, one per load.</summary>
internal sealed class DiagnosticBag
{
    /// <summary>The longest message kept whole; longer ones are shortened by <see cref="Bounded(string)"/>.</summary>
    internal const int MaxMessageLength = 500;

    private readonly List<Diagnostic> _items = [];

    public int Count => _items.Count;

    public bool HasErrors { get; private set; }

    public void Add(Diagnostic diagnostic)
    {
        if (diagnostic.Message.Length > MaxMessageLength)
        {
            diagnostic = new Diagnostic(diagnostic.Code, diagnostic.Severity, Bounded(diagnostic.Message), diagnostic.Location);
        }

        _items.Add(diagnostic);
        HasErrors |= diagnostic.IsError;
    }

    /// <summary>Adds every diagnostic of another bag, in the order they were found there.</summary>
    public void AddAll(DiagnosticBag other)
    {
        foreach (var diagnostic in other._items)
        {
            Add(diagnostic);
        }
    }

    public void Error(string code, SourceLocation at, string message) =>
        Add(new Diagnostic(code, DiagnosticSeverity.Error, message, at));

    public void Warning(string code, SourceLocation at, string message) =>
        Add(new Diagnostic(code, DiagnosticSeverity.Warning, message, at));

    public void Info(string code, SourceLocation at, string message) =>
        Add(new Diagnostic(code, DiagnosticSeverity.Info, message, at));

    /// <summary>
    /// Keeps a message readable whatever the input: messages quote the offending value, and a 1 MiB scalar must not
    /// become a 1 MiB message (in a terminal, a log line or a CI annotation). Long quoted values are cut to 60
    /// characters, the advice around them kept; a message still too long is cut at the limit.
    /// </summary>
    internal static string Bounded(string message)
    {
        if (message.Length <= MaxMessageLength)
        {
            return message;
        }

        // A plain scan, not a regex: the message may hold a mebibyte.
        var sb = new StringBuilder(MaxMessageLength);
        var i = 0;
        while (i < message.Length && sb.Length < MaxMessageLength)
        {
            var open = message.IndexOf('\'', i);
            var close = open < 0 ? -1 : message.IndexOf('\'', open + 1);
            if (close < 0)
            {
                sb.Append(message, i, Math.Min(message.Length - i, MaxMessageLength));
                break;
            }

            sb.Append(message, i, open + 1 - i);
            var quoted = close - open - 1;
            sb.Append(message, open + 1, Math.Min(quoted, 60)).Append(quoted > 60 ? "…'" : "'");
            i = close + 1;
        }

        var shortened = sb.ToString();
        return shortened.Length <= MaxMessageLength ? shortened : shortened[..(MaxMessageLength - 1)] + "…";
    }

    public ImmutableArray<Diagnostic> ToImmutable() =>
        _items.Count == 0 ? [] : [.. SortedByPosition()];

    private IEnumerable<Diagnostic> SortedByPosition()
    {
        var copy = new List<Diagnostic>(_items);
        // Stable: diagnostics at the same position keep the order they were found in.
        return System.Linq.Enumerable.ThenBy(
            System.Linq.Enumerable.OrderBy(copy, d => d.Location.Line), d => d.Location.Column);
    }
}
