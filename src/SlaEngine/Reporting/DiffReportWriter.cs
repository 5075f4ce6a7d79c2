using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using SlaEngine.Analysis;

namespace SlaEngine.Reporting;

/// <summary>
/// Writes a <see cref="PolicyDiffResult"/> for people (text for a terminal, markdown for a pull-request comment) or
/// for programs (JSON). The text of a diff with a few differences fits on one screen: one block per merged class of
/// events, its facet changes and its witness event.
/// </summary>
public static class DiffReportWriter
{
    private static readonly LocalDatePattern Date = LocalDatePattern.Iso;

    /// <summary>Writes the report in a format.</summary>
    /// <param name="result">The diff.</param>
    /// <param name="format">The format.</param>
    /// <returns>The report, ending with a newline.</returns>
    public static string Write(PolicyDiffResult result, DiffReportFormat format)
    {
        ArgumentNullException.ThrowIfNull(result);
        return format switch
        {
            DiffReportFormat.Json => Json(result),
            DiffReportFormat.Markdown => Markdown(result),
            _ => Text(result),
        };
    }

    private static int Count(PolicyDiffResult r) =>
        r.RuleDifferences.Count(d => d.IsConfirmed) + r.CalendarDifferences.Length + r.DefinitionChanges.Length + r.EventDifferences.Length;

    private static string Headline(PolicyDiffResult r) => r.AreEquivalent
        ? "the versions decide every event the same"
        : Count(r).ToString(CultureInfo.InvariantCulture) + " difference(s)";

    private static string Dates(CalendarDifference d)
    {
        var dates = d.Dates;
        return dates.Length <= 3
            ? string.Join(", ", dates.Select(Date.Format))
            : $"{dates.Length} dates from {Date.Format(dates[0])} to {Date.Format(dates[^1])}";
    }

    private static string Text(PolicyDiffResult r)
    {
        var w = new StringBuilder();
        w.Append(CultureInfo.InvariantCulture, $"diff {r.OldSource} → {r.NewSource}: {Headline(r)}").Append('\n');
        var confirmed = r.RuleDifferences.Where(d => d.IsConfirmed).ToList();
        w.Append(CultureInfo.InvariantCulture, $"\nRules ({r.ClassesCompared} classes of events compared{(r.IsSample ? ", a sample" : "")}): {(confirmed.Count == 0 ? "no difference" : confirmed.Count + " difference(s)")}\n");
        foreach (var d in confirmed)
        {
            w.Append("  ").Append(d.Condition).Append(":\n");
            foreach (var c in d.Changes)
            {
                w.Append("      ").Append(c.Facet).Append(": ").Append(c.Old).Append(" → ").Append(c.New).Append('\n');
            }

            w.Append("      witness: ").Append(d.Witness!.EventJson).Append('\n');
        }

        if (!r.CalendarDifferences.IsEmpty)
        {
            w.Append(CultureInfo.InvariantCulture, $"\nCalendars ({Date.Format(r.From)} to {Date.Format(r.Until)}):\n");
            foreach (var d in r.CalendarDifferences)
            {
                w.Append(CultureInfo.InvariantCulture, $"  {d.CalendarId}: {Dates(d)}: {d.OldHours} → {d.NewHours} ({d.Cause})\n");
            }
        }

        foreach (var section in r.DefinitionChanges.GroupBy(c => c.Section))
        {
            w.Append('\n').Append(Title(section.Key)).Append(":\n");
            foreach (var c in section)
            {
                w.Append("  ").Append(c.Subject).Append(": ").Append(c.Description).Append('\n');
            }
        }

        if (!r.EventDifferences.IsEmpty)
        {
            w.Append("\nEvents decided differently:\n");
            foreach (var e in r.EventDifferences)
            {
                w.Append(CultureInfo.InvariantCulture, $"  event {e.Number}{(e.EventId is null ? "" : " (" + e.EventId + ")")}: ");
                w.Append(e.Error ?? string.Join("; ", e.Changes.Select(c => c.ToString()))).Append('\n');
            }
        }

        var possible = r.RuleDifferences.Where(d => !d.IsConfirmed).ToList();
        if (possible.Count > 0)
        {
            w.Append("\nPossible differences (no event tried shows them; they depend on string functions, open() or comparisons of two fields):\n");
            foreach (var d in possible)
            {
                w.Append("  ").Append(d.Condition).Append(": ").Append(string.Join("; ", d.Changes.Select(c => c.ToString()))).Append('\n');
            }
        }

        foreach (var note in r.Notes)
        {
            w.Append("\nnote: ").Append(note).Append('\n');
        }

        return w.ToString();
    }

    private static string Title(DefinitionSection section) => section switch
    {
        DefinitionSection.Calendar => "Calendars added or removed",
        DefinitionSection.Clock => "Clocks",
        DefinitionSection.Freeze => "Freezes",
        DefinitionSection.Field => "Fields",
        _ => "Teams",
    };

    private static string Markdown(PolicyDiffResult r)
    {
        var w = new StringBuilder();
        w.Append(CultureInfo.InvariantCulture, $"### Policy diff: `{r.OldSource}` → `{r.NewSource}`\n\n**{Headline(r)}**");
        if (r.IsSample)
        {
            w.Append(" (rules compared on a sample)");
        }

        w.Append("\n\n");
        var confirmed = r.RuleDifferences.Where(d => d.IsConfirmed).ToList();
        if (confirmed.Count > 0)
        {
            w.Append("#### Requests decided differently\n\n| Events | Facet | Old | New |\n|---|---|---|---|\n");
            foreach (var d in confirmed)
            {
                var first = true;
                foreach (var c in d.Changes)
                {
                    w.Append("| ").Append(first ? Cell(d.Condition) : "").Append(" | ").Append(Cell(c.Facet)).Append(" | ").Append(Cell(c.Old)).Append(" | ").Append(Cell(c.New)).Append(" |\n");
                    first = false;
                }
            }

            w.Append("\n<details><summary>Witness events</summary>\n\n");
            foreach (var d in confirmed)
            {
                w.Append("- ").Append(Cell(d.Condition)).Append(": `").Append(d.Witness!.EventJson).Append("`\n");
            }

            w.Append("\n</details>\n\n");
        }

        if (!r.CalendarDifferences.IsEmpty)
        {
            w.Append(CultureInfo.InvariantCulture, $"#### Calendars ({Date.Format(r.From)} to {Date.Format(r.Until)})\n\n| Calendar | Dates | Old | New | Why |\n|---|---|---|---|---|\n");
            foreach (var d in r.CalendarDifferences)
            {
                w.Append(CultureInfo.InvariantCulture, $"| {Cell(d.CalendarId)} | {Cell(Dates(d))} | {Cell(d.OldHours)} | {Cell(d.NewHours)} | {Cell(d.Cause)} |\n");
            }

            w.Append('\n');
        }

        foreach (var section in r.DefinitionChanges.GroupBy(c => c.Section))
        {
            w.Append("#### ").Append(Title(section.Key)).Append("\n\n");
            foreach (var c in section)
            {
                w.Append("- `").Append(c.Subject).Append("`: ").Append(Cell(c.Description)).Append('\n');
            }

            w.Append('\n');
        }

        if (!r.EventDifferences.IsEmpty)
        {
            w.Append("#### Events decided differently\n\n");
            foreach (var e in r.EventDifferences)
            {
                w.Append(CultureInfo.InvariantCulture, $"- event {e.Number}{(e.EventId is null ? "" : " (`" + e.EventId + "`)")}: {Cell(e.Error ?? string.Join("; ", e.Changes.Select(c => c.ToString())))}\n");
            }

            w.Append('\n');
        }

        var possible = r.RuleDifferences.Where(d => !d.IsConfirmed).ToList();
        if (possible.Count > 0)
        {
            w.Append("#### Possible differences without a witness\n\n");
            foreach (var d in possible)
            {
                w.Append("- ").Append(Cell(d.Condition)).Append(": ").Append(Cell(string.Join("; ", d.Changes.Select(c => c.ToString())))).Append('\n');
            }

            w.Append('\n');
        }

        foreach (var note in r.Notes)
        {
            w.Append("> ").Append(Cell(note)).Append('\n');
        }

        return w.ToString().TrimEnd('\n') + "\n";
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static string Json(PolicyDiffResult r)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("old", r.OldSource);
            w.WriteString("new", r.NewSource);
            w.WriteBoolean("equivalent", r.AreEquivalent);
            w.WriteBoolean("sample", r.IsSample);
            w.WriteNumber("classesCompared", r.ClassesCompared);
            w.WriteString("from", Date.Format(r.From));
            w.WriteString("until", Date.Format(r.Until));
            w.WriteStartArray("rules");
            foreach (var d in r.RuleDifferences)
            {
                w.WriteStartObject();
                w.WriteString("events", d.Condition);
                w.WriteNumber("classes", d.ClassCount);
                w.WriteBoolean("confirmed", d.IsConfirmed);
                Changes(w, d.Changes);
                if (d.Witness is { } witness)
                {
                    w.WritePropertyName("witness");
                    w.WriteStartObject();
                    w.WritePropertyName("event");
                    w.WriteRawValue(witness.EventJson);
                    w.WritePropertyName("oldDecision");
                    w.WriteRawValue(witness.OldDecision.ToJson());
                    w.WritePropertyName("newDecision");
                    w.WriteRawValue(witness.NewDecision.ToJson());
                    w.WriteEndObject();
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("calendars");
            foreach (var d in r.CalendarDifferences)
            {
                w.WriteStartObject();
                w.WriteString("calendar", d.CalendarId);
                w.WriteStartArray("dates");
                foreach (var date in d.Dates)
                {
                    w.WriteStringValue(Date.Format(date));
                }

                w.WriteEndArray();
                w.WriteString("old", d.OldHours);
                w.WriteString("new", d.NewHours);
                w.WriteString("cause", d.Cause);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("definitions");
            foreach (var c in r.DefinitionChanges)
            {
                w.WriteStartObject();
                w.WriteString("section", c.Section.ToString().ToLowerInvariant());
                w.WriteString("subject", c.Subject);
                w.WriteString("change", c.Description);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("events");
            foreach (var e in r.EventDifferences)
            {
                w.WriteStartObject();
                w.WriteNumber("number", e.Number);
                w.WriteString("id", e.EventId);
                if (e.Error is not null)
                {
                    w.WriteString("error", e.Error);
                }
                else
                {
                    Changes(w, e.Changes);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("notes");
            foreach (var note in r.Notes)
            {
                w.WriteStringValue(note);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void Changes(Utf8JsonWriter w, IEnumerable<FacetChange> changes)
    {
        w.WriteStartArray("changes");
        foreach (var c in changes)
        {
            w.WriteStartObject();
            w.WriteString("facet", c.Facet);
            w.WriteString("old", c.Old);
            w.WriteString("new", c.New);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
