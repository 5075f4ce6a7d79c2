using System.IO;
using System.Text;

namespace SlaEngine.Cli;

/// <summary>
/// Colours whole output lines on a terminal: FAIL and errors red, warnings yellow, PASS green. Used only when
/// standard output is a terminal and <c>NO_COLOR</c> is not set, so files and pipes get plain text.
/// </summary>
internal sealed class ColorLineWriter(TextWriter inner) : TextWriter
{
    private const string Red = "\u001b[31m";
    private const string Yellow = "\u001b[33m";
    private const string Green = "\u001b[32m";
    private const string Reset = "\u001b[0m";
    private readonly StringBuilder _line = new();

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        if (value == '\n')
        {
            Flush();
            return;
        }

        _line.Append(value);
    }

    public override void Write(string? value)
    {
        foreach (var c in value ?? string.Empty)
        {
            Write(c);
        }
    }

    public override void WriteLine(string? value)
    {
        Write(value);
        Write('\n');
    }

    public override void Flush()
    {
        if (_line.Length == 0)
        {
            inner.Flush();
            return;
        }

        var text = _line.ToString().TrimEnd('\r');
        _line.Clear();
        var color = text.StartsWith("FAIL", System.StringComparison.Ordinal) || text.Contains(": error SLA", System.StringComparison.Ordinal) ? Red
            : text.Contains(": warning SLA", System.StringComparison.Ordinal) ? Yellow
            : text.StartsWith("PASS", System.StringComparison.Ordinal) ? Green
            : null;
        inner.WriteLine(color is null ? text : color + text + Reset);
        inner.Flush();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Flush();
        }

        base.Dispose(disposing);
    }
}
