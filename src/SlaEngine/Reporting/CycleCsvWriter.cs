using System;
using System.Globalization;
using System.IO;
using SlaEngine.Evaluation;
using SlaEngine.Policies;
using SlaEngine.Replay;
using SlaEngine.Text;

namespace SlaEngine.Reporting;

/// <summary>
/// Writes one CSV row per ticket, clock and cycle of a replay (<c>ticket, clock, cycle, owner, start, end, target,
/// elapsed, outcome, policy</c>), as <see cref="SimulationOptions.OnCycle"/> hands them over. Durations are written as
/// policies write them (<c>1h30m</c>), instants in ISO-8601 UTC; cells are quoted when they need it (RFC 4180).
/// Not thread-safe.
/// </summary>
public sealed class CycleCsvWriter
{
    /// <summary>The header row.</summary>
    public const string Header = "ticket,clock,cycle,owner,start,end,target,elapsed,outcome,policy";

    private readonly TextWriter _output;

    /// <summary>Starts a CSV file: writes the header row.</summary>
    /// <param name="output">Where to write (left open).</param>
    public CycleCsvWriter(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        _output.Write(Header);
        _output.Write('\n');
    }

    /// <summary>Writes one cycle.</summary>
    /// <param name="cycle">The cycle.</param>
    public void Write(CycleRecord cycle)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        Cell(cycle.Ticket);
        _output.Write(',');
        Cell(cycle.Clock);
        _output.Write(',');
        _output.Write(cycle.Cycle.ToString(CultureInfo.InvariantCulture));
        _output.Write(',');
        Cell(cycle.Owner ?? string.Empty);
        _output.Write(',');
        _output.Write(SlaJson.FormatInstant(cycle.Start));
        _output.Write(',');
        _output.Write(cycle.End is { } end ? SlaJson.FormatInstant(end) : string.Empty);
        _output.Write(',');
        _output.Write(DurationText.Format(cycle.Target));
        _output.Write(',');
        _output.Write(DurationText.Format(cycle.Elapsed));
        _output.Write(',');
        _output.Write(AttainmentJsonWriter.OutcomeName(cycle.Outcome));
        _output.Write(',');
        Cell(cycle.PolicyId);
        _output.Write('\n');
    }

    private void Cell(string value)
    {
        if (value.AsSpan().IndexOfAny(",\"\n\r") < 0)
        {
            _output.Write(value);
            return;
        }

        _output.Write('"');
        _output.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        _output.Write('"');
    }
}
