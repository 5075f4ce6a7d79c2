using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SlaEngine.Ingestion;

/// <summary>
/// A JSON Pointer (RFC 6901: <c>/issue/fields/priority/name</c>, <c>~0</c> for <c>~</c> and <c>~1</c> for <c>/</c>)
/// with one extension ticketing payloads need: a step may end in <c>[key=value]</c>, which selects the first element of
/// an array whose <c>key</c> property is <c>value</c> (<c>/changelog/items[field=status]/toString</c>). Immutable and
/// thread-safe; parsed once when a mapping loads, resolved on every payload without allocating.
/// </summary>
/// <remarks>
/// Resolving never fails: a missing key, an index past the end, a step into a scalar or null, or no element matching
/// a selector all mean "nothing at the target". Inside a step, <c>[</c> always starts a selector, so a key that holds
/// a <c>[</c> cannot be addressed.
/// </remarks>
internal sealed class JsonPointer
{
    /// <summary>The most steps a pointer may have; no payload a mapping reads nests deeper.</summary>
    public const int MaxSteps = 64;

    private readonly Step[] _steps;

    private JsonPointer(string text, Step[] steps)
    {
        Text = text;
        _steps = steps;
    }

    /// <summary>The pointer as written.</summary>
    public string Text { get; }

    /// <summary>The steps, in order.</summary>
    internal ReadOnlySpan<Step> Steps => _steps;

    /// <summary>Whether a step has a <c>[key=value]</c> selector (such pointers are resolved on a parsed document).</summary>
    internal bool HasSelector => Array.Exists(_steps, s => s.SelectKey is not null);

    /// <summary>Parses a pointer; on failure, says what is wrong with it.</summary>
    public static bool TryParse(string text, out JsonPointer pointer, out string error)
    {
        pointer = null!;
        if (text.Length == 0)
        {
            pointer = new JsonPointer(text, []);
            error = string.Empty;
            return true;
        }

        if (text[0] != '/')
        {
            error = text.StartsWith('$') || (text.Contains('.', StringComparison.Ordinal) && !text.Contains('/', StringComparison.Ordinal))
                ? $"'{Short(text)}' is not a JSON Pointer: write the path with slashes, such as '/{Short(Suggest(text))}'"
                : $"'{Short(text)}' is not a JSON Pointer: it must start with '/' (such as /issue/key)";
            return false;
        }

        var raw = text[1..].Split('/');
        if (raw.Length > MaxSteps)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"the pointer '{Short(text)}' has {raw.Length} steps; at most {MaxSteps} are allowed");
            return false;
        }

        var steps = new Step[raw.Length];
        for (var i = 0; i < raw.Length; i++)
        {
            if (ParseStep(raw[i], out steps[i]) is { } stepError)
            {
                error = $"the pointer '{Short(text)}' is malformed at step {i + 1} ('{Short(raw[i])}'): {stepError}";
                return false;
            }
        }

        pointer = new JsonPointer(text, steps);
        error = string.Empty;
        return true;
    }

    /// <summary>Finds the value the pointer designates; false when there is nothing there.</summary>
    public bool TryResolve(JsonElement root, out JsonElement value)
    {
        var current = root;
        foreach (var step in _steps)
        {
            if (step.HasName && !Child(current, step, out current))
            {
                value = default;
                return false;
            }

            if (step.SelectKey is not null && !Select(current, step, out current))
            {
                value = default;
                return false;
            }
        }

        value = current;
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Text;

    /// <summary>Whether a scalar equals a text (a string's value, a number as written, true or false), without allocating for strings.</summary>
    internal static bool ScalarEquals(JsonElement element, string text) => element.ValueKind switch
    {
        JsonValueKind.String => element.ValueEquals(text),
        JsonValueKind.Number => element.GetRawText() == text,
        JsonValueKind.True => text == "true",
        JsonValueKind.False => text == "false",
        _ => false,
    };

    private static bool Child(JsonElement current, in Step step, out JsonElement child)
    {
        switch (current.ValueKind)
        {
            case JsonValueKind.Object:
                return current.TryGetProperty(step.NameUtf8, out child);
            case JsonValueKind.Array when step.Index >= 0 && step.Index < current.GetArrayLength():
                child = current[step.Index];
                return true;
            default:
                child = default;
                return false;
        }
    }

    private static bool Select(JsonElement current, in Step step, out JsonElement selected)
    {
        if (current.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in current.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object
                    && item.TryGetProperty(step.SelectKeyUtf8!, out var key)
                    && ScalarEquals(key, step.SelectValue!))
                {
                    selected = item;
                    return true;
                }
            }
        }

        selected = default;
        return false;
    }

    /// <summary>Parses one step; returns an error or null.</summary>
    private static string? ParseStep(string raw, out Step step)
    {
        step = default;
        var open = raw.IndexOf('[', StringComparison.Ordinal);
        string? selectKey = null, selectValue = null;
        var nameRaw = raw;
        if (open >= 0)
        {
            if (!raw.EndsWith(']'))
            {
                return "a '[' starts a [key=value] selector, which must end the step with ']'";
            }

            var inner = raw[(open + 1)..^1];
            if (inner.Contains('[', StringComparison.Ordinal) || inner.Contains(']', StringComparison.Ordinal))
            {
                return "a step takes one [key=value] selector";
            }

            var eq = inner.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                return $"the selector '[{Short(inner)}]' must be [key=value], such as [field=status]";
            }

            if (Unescape(inner[..eq], out selectKey) is { } keyError)
            {
                return keyError;
            }

            if (Unescape(inner[(eq + 1)..], out selectValue) is { } valueError)
            {
                return valueError;
            }

            nameRaw = raw[..open];
        }

        if (Unescape(nameRaw, out var name) is { } nameError)
        {
            return nameError;
        }

        var hasName = open != 0;
        step = new Step(
            hasName,
            Encoding.UTF8.GetBytes(name),
            hasName ? ArrayIndex(name) : -1,
            selectKey,
            selectKey is null ? null : Encoding.UTF8.GetBytes(selectKey),
            selectValue);
        return null;
    }

    /// <summary>An RFC 6901 array index (<c>0</c> or digits without a leading zero), or -1.</summary>
    private static int ArrayIndex(string name)
    {
        if (name.Length == 0 || name.Length > 9 || (name.Length > 1 && name[0] == '0'))
        {
            return -1;
        }

        foreach (var c in name)
        {
            if (c is < '0' or > '9')
            {
                return -1;
            }
        }

        return int.Parse(name, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    private static string? Unescape(string raw, out string text)
    {
        if (!raw.Contains('~', StringComparison.Ordinal))
        {
            text = raw;
            return null;
        }

        var sb = new StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] != '~')
            {
                sb.Append(raw[i]);
                continue;
            }

            if (i + 1 < raw.Length && raw[i + 1] is '0' or '1')
            {
                sb.Append(raw[i + 1] == '0' ? '~' : '/');
                i++;
                continue;
            }

            text = string.Empty;
            return "'~' must be followed by 0 (for ~) or 1 (for /)";
        }

        text = sb.ToString();
        return null;
    }

    private static string Suggest(string text)
    {
        var trimmed = text.TrimStart('$').TrimStart('.');
        var parts = new List<string>();
        foreach (var part in trimmed.Split('.'))
        {
            parts.Add(part.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal));
        }

        return string.Join('/', parts);
    }

    private static string Short(string text) => text.Length > 60 ? text[..60] + "…" : text;

    /// <summary>One step: a name (or array index), and an optional <c>[key=value]</c> selector.</summary>
    internal readonly record struct Step(bool HasName, byte[] NameUtf8, int Index, string? SelectKey, byte[]? SelectKeyUtf8, string? SelectValue);
}
