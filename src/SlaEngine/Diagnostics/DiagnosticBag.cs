using System.Collections.Generic;
using System.Collections.Immutable;

namespace SlaEngine.Diagnostics;

/// <summary>Collects diagnostics during one load; not thread-safe, one per load.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    public int Count => _items.Count;

    public bool HasErrors { get; private set; }

    public void Add(Diagnostic diagnostic)
    {
        _items.Add(diagnostic);
        HasErrors |= diagnostic.IsError;
    }

    public void Error(string code, SourceLocation at, string message) =>
        Add(new Diagnostic(code, DiagnosticSeverity.Error, message, at));

    public void Warning(string code, SourceLocation at, string message) =>
        Add(new Diagnostic(code, DiagnosticSeverity.Warning, message, at));

    public void Info(string code, SourceLocation at, string message) =>
        Add(new Diagnostic(code, DiagnosticSeverity.Info, message, at));

    public ImmutableArray<Diagnostic> ToImmutable() =>
        [.. SortedByPosition()];

    private IEnumerable<Diagnostic> SortedByPosition()
    {
        var copy = new List<Diagnostic>(_items);
        // Stable: diagnostics at the same position keep the order they were found in.
        return System.Linq.Enumerable.ThenBy(
            System.Linq.Enumerable.OrderBy(copy, d => d.Location.Line), d => d.Location.Column);
    }
}
