using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace SlaEngine.Samples.Quickstart;

/// <summary>A plain-text table whose cells may span several lines.</summary>
internal sealed class TextTable(params string[] headers)
{
    private readonly List<string[][]> _rows = [];

    public void Add(params string[][] cells)
    {
        if (cells.Length != headers.Length)
        {
            throw new ArgumentException($"expected {headers.Length} cells, got {cells.Length}", nameof(cells));
        }

        _rows.Add([.. cells.Select(c => c.Where(line => line.Length > 0).ToArray())]);
    }

    public void Write(TextWriter writer)
    {
        var widths = headers.Select((h, i) => Math.Max(h.Length, _rows.Select(r => r[i].Select(l => l.Length).DefaultIfEmpty(0).Max()).DefaultIfEmpty(0).Max())).ToArray();
        var rule = string.Join("-+-", widths.Select(w => new string('-', w)));
        writer.WriteLine(string.Join(" | ", headers.Select((h, i) => h.PadRight(widths[i]))).TrimEnd());
        writer.WriteLine(rule);
        foreach (var row in _rows)
        {
            var height = row.Max(c => c.Length);
            for (var line = 0; line < height; line++)
            {
                writer.WriteLine(string.Join(" | ", row.Select((c, i) => (line < c.Length ? c[line] : string.Empty).PadRight(widths[i]))).TrimEnd());
            }

            writer.WriteLine(rule);
        }
    }
}
