using System;
using System.Collections.Generic;

namespace SlaEngine.Diagnostics;

/// <summary>Finds the closest known name to a misspelt one, for "did you mean" suggestions.</summary>
internal static class SuggestionFinder
{
    /// <summary>Returns the candidate closest to <paramref name="input"/>, or null when none is close.</summary>
    public static string? Closest(string input, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(input, candidate);
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = candidate;
            }
        }

        if (best is null)
        {
            return null;
        }

        // Close means: at most a third of the longer name differs (at least one edit allowed).
        var allowed = Math.Max(1, Math.Max(input.Length, best.Length) / 3);
        return bestDistance <= allowed ? best : null;
    }

    /// <summary>Formats a " (did you mean 'x'?)" suffix, or an empty string.</summary>
    public static string DidYouMean(string input, IEnumerable<string> candidates)
    {
        var closest = Closest(input, candidates);
        return closest is null ? string.Empty : $" (did you mean '{closest}'?)";
    }

    /// <summary>
    /// Formats " (did you mean 'x'?)" when a candidate is close; otherwise the declared names, so that a name far
    /// from all of them still shows what may be written: "; the declared teams are a, b, c" (the first
    /// <see cref="MaxListed"/> of them, in the order given), or "; no teams are declared".
    /// </summary>
    /// <param name="input">The unknown name.</param>
    /// <param name="candidates">The declared names, in declaration order.</param>
    /// <param name="what">What the names are, in the plural: "teams", "calendars", "clocks", "fields".</param>
    public static string DidYouMeanOrList(string input, IReadOnlyCollection<string> candidates, string what)
    {
        var suggestion = DidYouMean(input, candidates);
        if (suggestion.Length > 0)
        {
            return suggestion;
        }

        if (candidates.Count == 0)
        {
            return $"; no {what} are declared";
        }

        var listed = string.Join(", ", System.Linq.Enumerable.Take(candidates, MaxListed));
        return candidates.Count > MaxListed
            ? $"; the declared {what} are {listed}, and {candidates.Count - MaxListed} more"
            : $"; the declared {what} are {listed}";
    }

    /// <summary>The most names <see cref="DidYouMeanOrList"/> lists.</summary>
    public const int MaxListed = 12;

    /// <summary>Optimal string alignment distance (Levenshtein with adjacent transpositions), case-insensitive.</summary>
    internal static int Distance(string a, string b)
    {
        if (a.Length > 256 || b.Length > 256)
        {
            return int.MaxValue / 2;
        }

        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                var value = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, d[i - 2, j - 2] + 1);
                }

                d[i, j] = value;
            }
        }

        return d[a.Length, b.Length];
    }
}
