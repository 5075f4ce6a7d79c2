using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SlaEngine.Policies;
using SlaEngine.Text;

namespace SlaEngine.Analysis;

/// <summary>A class of events found by the explorer: its assignment (-1: any value) and the facets that differ.</summary>
internal sealed record ExploredClass(int[] Assignment, IReadOnlyList<(string Facet, string Old, string New)> Changes);

/// <summary>
/// Splits the event space of a <see cref="DiffSpace"/> into classes on which both versions' rule walks are decided,
/// and compares the facets each version decides on each class. A split is made only on a variable that the first
/// undecided rule that matters waits on, so fields no rule reads in a region are never enumerated there. Past
/// the bound on classes, it compares a seeded sample of whole assignments instead.
/// </summary>
internal sealed class ClassExplorer
{
    private readonly DiffSpace _space;
    private readonly string[] _facets;
    private readonly int _maxClasses;
    private readonly List<ExploredClass> _differing = [];
    private int _classes;

    public ClassExplorer(DiffSpace space, int maxClasses)
    {
        _space = space;
        _maxClasses = maxClasses;
        var clocks = space.Policies.SelectMany(p => p.Clocks.Select(c => c.Name)).Distinct(StringComparer.Ordinal).ToList();
        _facets = ["owner", "approvers", "consulted", "informed", .. clocks.Select(c => "targets." + c), .. clocks.Select(c => "escalations." + c), "notice"];
    }

    /// <summary>How many classes were compared.</summary>
    public int Classes => _classes;

    /// <summary>The classes whose decisions differ.</summary>
    public IReadOnlyList<ExploredClass> Differing => _differing;

    /// <summary>Explores every class; false when the bound was reached (and nothing is kept).</summary>
    public bool ExploreAll()
    {
        var assignment = new int[_space.Variables.Length];
        Array.Fill(assignment, -1);
        var live = _space.Policies.Select(p => Enumerable.Range(0, p.Rules.Length).ToList()).ToArray();
        Explore(assignment, live[0], live[1]);
        if (_classes > _maxClasses)
        {
            _differing.Clear();
            return false;
        }

        return true;
    }

    /// <summary>Compares <paramref name="samples"/> whole assignments drawn with <paramref name="seed"/>.</summary>
    public void ExploreSample(int samples, int seed)
    {
        _differing.Clear();
        _classes = 0;
        var random = new Random(seed);
        var all = _space.Policies.Select(p => Enumerable.Range(0, p.Rules.Length).ToList()).ToArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var s = 0; s < samples; s++)
        {
            var assignment = _space.Variables.Select(v => random.Next(v.Values.Length)).ToArray();
            if (!seen.Add(string.Join(',', assignment)))
            {
                continue;
            }

            _classes++;
            var pick = -1;
            var old = Walk(0, all[0], assignment, ref pick, null);
            var @new = Walk(1, all[1], assignment, ref pick, null);
            Compare(assignment, old!, @new!);
        }
    }

    private void Explore(int[] assignment, List<int> liveOld, List<int> liveNew)
    {
        if (_classes > _maxClasses)
        {
            return;
        }

        var pick = -1;
        var nextOld = new List<int>(liveOld.Count);
        var old = Walk(0, liveOld, assignment, ref pick, nextOld);
        List<int> nextNew;
        string?[]? @new = null;
        if (old is null)
        {
            nextNew = new List<int>(liveNew.Count);
            KeepLive(_space.When[1], liveNew, 0, assignment, nextNew);
        }
        else
        {
            nextNew = new List<int>(liveNew.Count);
            @new = Walk(1, liveNew, assignment, ref pick, nextNew);
        }

        if (old is null || @new is null)
        {
            var variable = pick;
            for (var value = 0; value < _space.Variables[variable].Values.Length; value++)
            {
                assignment[variable] = value;
                Explore(assignment, nextOld, nextNew);
            }

            assignment[variable] = -1;
            return;
        }

        if (++_classes > _maxClasses)
        {
            return;
        }

        Compare(assignment, old, @new);
    }

    private void Compare(int[] assignment, string?[] old, string?[] @new)
    {
        List<(string, string, string)>? changes = null;
        for (var f = 0; f < _facets.Length; f++)
        {
            if (!string.Equals(old[f], @new[f], StringComparison.Ordinal))
            {
                (changes ??= []).Add((_facets[f], old[f] ?? "none", @new[f] ?? "none"));
            }
        }

        if (changes is not null)
        {
            _differing.Add(new ExploredClass((int[])assignment.Clone(), changes));
        }
    }

    /// <summary>
    /// Walks one version's live rules under a partial assignment. Returns the decided facets' texts, or null when a
    /// rule that could still decide something (or end the walk) is undecided; <paramref name="pick"/> is then a
    /// variable it waits on. <paramref name="next"/> receives the rules not known to fail, for the splits below.
    /// </summary>
    private string?[]? Walk(int side, List<int> live, int[] assignment, ref int pick, List<int>? next)
    {
        var policy = _space.Policies[side];
        var when = _space.When[side];
        var decided = new HashSet<string>(StringComparer.Ordinal);
        var matched = new List<Rule>();
        for (var k = 0; k < live.Count; k++)
        {
            var i = live[k];
            var rule = policy.Rules[i];
            var before = pick;
            var m = when[i].Eval(assignment, ref pick);
            if (m == 0)
            {
                continue;
            }

            next?.Add(i);
            if (m < 0)
            {
                if (rule.Final || RuleFacets.Of(rule).Any(f => !decided.Contains(f)))
                {
                    if (next is not null)
                    {
                        KeepLive(when, live, k + 1, assignment, next);
                    }

                    return null;
                }

                pick = before; // whatever its truth, it decides nothing: not a variable to split on
                continue;
            }

            matched.Add(rule);
            decided.UnionWith(RuleFacets.Of(rule));
            if (rule.Final)
            {
                break;
            }
        }

        return Facets(policy, matched);
    }

    /// <summary>
    /// Adds to <paramref name="next"/> the rules of <paramref name="live"/> from <paramref name="start"/> on that the
    /// splits below may still need. A rule left out is false under the assignment without reading an unassigned
    /// variable: under every assignment that extends this one it reads the same variables, so it is false there too
    /// and names no variable to split on; a walk below would pass over it, so leaving it out changes nothing but
    /// the work.
    /// </summary>
    private static void KeepLive(DiffNode[] when, List<int> live, int start, int[] assignment, List<int> next)
    {
        for (var k = start; k < live.Count; k++)
        {
            var i = live[k];
            var waits = -1;
            if (when[i].Eval(assignment, ref waits) != 0 || waits >= 0)
            {
                next.Add(i);
            }
        }
    }

    /// <summary>The facets a walk that matched <paramref name="matched"/> decides, as plain texts by facet.</summary>
    private string?[] Facets(Policy policy, List<Rule> matched)
    {
        var texts = new string?[_facets.Length];
        var owner = matched.FirstOrDefault(r => r.Owner is not null)?.Owner;
        texts[0] = owner?.Id;
        if (matched.FirstOrDefault(r => r.Approvers is not null) is { } approvers)
        {
            texts[1] = Teams(approvers.Approvers!.Value) + (approvers.Approvers.Value.Length > 1 ? $" ({approvers.Approval.ToString().ToLowerInvariant()} must approve)" : "");
        }

        texts[2] = matched.FirstOrDefault(r => r.Consulted is not null)?.Consulted is { } consulted ? Teams(consulted) : null;
        texts[3] = matched.FirstOrDefault(r => r.Informed is not null)?.Informed is { } informed ? Teams(informed) : null;
        var clocks = (_facets.Length - 5) / 2;
        for (var c = 0; c < clocks; c++)
        {
            var name = _facets[4 + c]["targets.".Length..];
            var target = matched.SelectMany(r => r.Targets).FirstOrDefault(t => t.Clock.Name == name);
            if (target is null)
            {
                continue;
            }

            texts[4 + c] = $"{Amount(target.Within)} on {target.Calendar.Resolve(owner).Id}";
            var ladder = matched.FirstOrDefault(r => r.Escalations.Any(e => e.Clock.Name == name));
            if (ladder is not null)
            {
                texts[4 + clocks + c] = string.Join("; ", ladder.Escalations.Where(e => e.Clock.Name == name).Select(e => $"{Point(e.At)} notify {Teams(e.Notify)}"));
            }
        }

        if (matched.FirstOrDefault(r => r.Notice is not null)?.Notice is { } notice)
        {
            texts[^1] = $"{Amount(notice.AtLeast)} before {notice.Before.Name} to {Teams(notice.To)} on {notice.Calendar.Id}";
        }

        _ = policy;
        return texts;
    }

    internal static string Teams(IEnumerable<Team> teams) => "[" + string.Join(", ", teams.Select(t => t.Id).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)) + "]";

    internal static string Amount(SlaAmount amount) => amount.IsBusinessDays
        ? amount.BusinessDays.ToString(CultureInfo.InvariantCulture) + "bd"
        : DurationText.Format(amount.OpenTime);

    private static string Point(EscalationPoint point) => point.IsPercent
        ? point.Percent.ToString(CultureInfo.InvariantCulture) + "%"
        : point.AfterBreach == NodaTime.Duration.Zero ? "breach" : "breach+" + DurationText.Format(point.AfterBreach);
}
