using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using NodaTime.Text;
using SlaEngine.Evaluation;

namespace SlaEngine.Analysis;

/// <summary>The facets of a real decision as plain texts, to compare two versions' decisions of one event (deadlines included).</summary>
internal static class DecisionFacets
{
    public static Dictionary<string, string> Of(Decision d)
    {
        var facets = new Dictionary<string, string>(StringComparer.Ordinal);
        if (d.Owner is { } owner)
        {
            facets["owner"] = owner;
        }

        if (!d.ApproverTeams.IsEmpty)
        {
            facets["approvers"] = ClassExplorer.Teams(d.ApproverTeams) + (d.ApproverTeams.Length > 1 ? $" ({d.Approval.ToString().ToLowerInvariant()} must approve)" : "");
        }

        if (!d.ConsultedTeams.IsEmpty)
        {
            facets["consulted"] = ClassExplorer.Teams(d.ConsultedTeams);
        }

        if (!d.InformedTeams.IsEmpty)
        {
            facets["informed"] = ClassExplorer.Teams(d.InformedTeams);
        }

        foreach (var deadline in d.Deadlines)
        {
            facets["targets." + deadline.Clock] = $"{Text.DurationText.Format(deadline.TargetOpenTime)} on {deadline.CalendarId}, due {Instant(deadline.Due)}";
        }

        foreach (var group in d.Escalations.GroupBy(e => e.Clock, StringComparer.Ordinal))
        {
            facets["escalations." + group.Key] = string.Join("; ", group.Select(e => $"{e.Point} at {Instant(e.At)} notify [{string.Join(", ", e.Notify.Order(StringComparer.Ordinal))}]"));
        }

        if (d.Notice is { } notice)
        {
            facets["notice"] = $"{notice.AtLeast} before {Instant(notice.Before)} to [{string.Join(", ", notice.To.Order(StringComparer.Ordinal))}] on {notice.CalendarId}, due {Instant(notice.Due)}";
        }

        return facets;
    }

    /// <summary>The facets two decisions differ in, in a stable order.</summary>
    public static ImmutableArray<FacetChange> Differences(Decision oldDecision, Decision newDecision)
    {
        var a = Of(oldDecision);
        var b = Of(newDecision);
        return [.. a.Keys.Union(b.Keys).Order(FacetOrder.Instance)
            .Where(k => !string.Equals(a.GetValueOrDefault(k), b.GetValueOrDefault(k), StringComparison.Ordinal))
            .Select(k => new FacetChange(k, a.GetValueOrDefault(k) ?? "none", b.GetValueOrDefault(k) ?? "none"))];
    }

    private static string Instant(NodaTime.Instant instant) => InstantPattern.General.Format(instant);

    /// <summary>Owner, approvers, consulted, informed, targets, escalations, notice; then by name.</summary>
    internal sealed class FacetOrder : IComparer<string>
    {
        public static readonly FacetOrder Instance = new();

        public int Compare(string? x, string? y)
        {
            var c = Rank(x!).CompareTo(Rank(y!));
            return c != 0 ? c : string.CompareOrdinal(x, y);
        }

        private static int Rank(string facet) => facet switch
        {
            "owner" => 0,
            "approvers" => 1,
            "consulted" => 2,
            "informed" => 3,
            "notice" => 6,
            _ when facet.StartsWith("targets.", StringComparison.Ordinal) => 4,
            _ => 5,
        };
    }
}
