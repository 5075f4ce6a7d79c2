using System;
using System.Collections.Generic;
using System.Linq;
using SlaEngine.Diagnostics;
using SlaEngine.Yaml;
using SlaEngine.Model;

namespace SlaEngine.Yaml;

/// <summary>
/// A mapping read against the keys a section allows: unknown keys are reported (with a suggestion) when the
/// view is made, and the getters report missing keys and wrong shapes. One defect, one diagnostic.
/// </summary>
internal sealed class MappingView
{
    // The entries under allowed keys, in file order (a mapping's keys are unique: the tree reader drops duplicates).
    // Mappings of a policy are small, so a scan beats a hash table, and a policy of many rules makes many views.
    private readonly List<KeyValuePair<YamlScalar, YamlNode>> _entries;

    // Keys an unknown key was taken for ("did you mean"): a misspelt required key is one defect, reported once.
    private readonly HashSet<string>? _suggested;
    private readonly DiagnosticBag _diagnostics;

    public MappingView(YamlMapping mapping, string what, IReadOnlyCollection<string> allowed, DiagnosticBag diagnostics)
    {
        Mapping = mapping;
        What = what;
        _diagnostics = diagnostics;
        _entries = new List<KeyValuePair<YamlScalar, YamlNode>>(mapping.Entries.Count);
        var entries = mapping.Entries;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (allowed.Contains(entry.Key.Value))
            {
                _entries.Add(entry);
            }
            else
            {
                if (SuggestionFinder.Closest(entry.Key.Value, allowed) is { } suggestion)
                {
                    (_suggested ??= new HashSet<string>(StringComparer.Ordinal)).Add(suggestion);
                }

                diagnostics.Error(
                    DiagnosticCodes.UnknownKey,
                    entry.Key.Location,
                    $"unknown key '{YamlTreeReader.Shorten(entry.Key.Value)}' in {what}{SuggestionFinder.DidYouMean(entry.Key.Value, allowed)}; allowed keys: {string.Join(", ", allowed)}");
            }
        }
    }

    public YamlMapping Mapping { get; }

    public string What { get; }

    public bool Has(string key) => TryGet(key, out _);

    /// <summary>Whether an unknown key of this mapping was taken for <paramref name="key"/> (and reported as such).</summary>
    public bool WasSuggested(string key) => _suggested?.Contains(key) == true;

    /// <summary>
    /// Whether the section under <paramref name="key"/> could not be read as a mapping: missing under a misspelt key,
    /// an alias, or of another shape (each reported where it stands).
    /// </summary>
    public bool IsUnreadableSection(string key) =>
        TryGet(key, out var entry)
            ? entry.Value is not (YamlMapping or YamlScalar { IsNull: true })
            : WasSuggested(key);

    public YamlScalar? KeyOf(string key) => TryGet(key, out var e) ? e.Key : null;

    /// <summary>The node of a key; reports a missing required key at the mapping.</summary>
    public YamlNode? Node(string key, bool required = false)
    {
        if (TryGet(key, out var entry))
        {
            return entry.Value is YamlPoisoned ? null : entry.Value;
        }

        if (required && !WasSuggested(key))
        {
            _diagnostics.Error(DiagnosticCodes.MissingKey, Mapping.Location, $"{What} is missing the required key '{key}'");
        }

        return null;
    }

    private bool TryGet(string key, out KeyValuePair<YamlScalar, YamlNode> entry)
    {
        foreach (var e in _entries)
        {
            if (e.Key.Value == key)
            {
                entry = e;
                return true;
            }
        }

        entry = default;
        return false;
    }

    public YamlScalar? Scalar(string key, bool required = false)
    {
        var node = Node(key, required);
        if (required && node is YamlScalar { IsNull: true, Value: "" } && KeyOf(key) is { } keyNode)
        {
            // 'within:' with nothing after it: the key is there and is the token to point at, not the empty value.
            _diagnostics.Error(DiagnosticCodes.MissingKey, keyNode.Location, $"'{key}' in {What} has no value");
            return null;
        }

        // The description is written only for a node of the wrong shape: most scalars are scalars.
        return node switch
        {
            null => null,
            YamlScalar scalar => scalar,
            _ => ExpectScalar(node, $"'{key}' in {What}", _diagnostics),
        };
    }

    public string? Text(string key, bool required = false) => Scalar(key, required)?.Value;

    public Located<string>? Located(string key, bool required = false) =>
        Scalar(key, required) is { } s ? new Located<string>(s.Value, s.Location) : null;

    public bool? Bool(string key)
    {
        var s = Scalar(key);
        if (s is null)
        {
            return null;
        }

        if (s.IsPlain && s.Value is "true" or "false")
        {
            return s.Value == "true";
        }

        _diagnostics.Error(DiagnosticCodes.InvalidValue, s.Location, $"'{key}' in {What} must be true or false, not '{YamlTreeReader.Shorten(s.Value)}'");
        return null;
    }

    public YamlMapping? MappingOf(string key, bool required = false)
    {
        var node = Node(key, required);
        return node is null ? null : ExpectMapping(node, $"'{key}' in {What}", _diagnostics);
    }

    /// <summary>A list of scalars; a single scalar counts as a one-item list.</summary>
    public List<Located<string>>? ScalarList(string key, bool required = false)
    {
        var node = Node(key, required);
        return node is null ? null : ReadScalarList(node, $"'{key}' in {What}", _diagnostics);
    }

    public static List<Located<string>>? ReadScalarList(YamlNode node, string what, DiagnosticBag diagnostics)
    {
        switch (node)
        {
            case YamlScalar s when s.IsNull:
                // 'values:' with nothing after it is an empty list, not a list holding one empty name.
                return [];
            case YamlScalar s:
                return [new Located<string>(s.Value, s.Location)];
            case YamlSequence seq:
                var list = new List<Located<string>>(seq.Items.Count);
                foreach (var item in seq.Items)
                {
                    if (ExpectScalar(item, $"an item of {what}", diagnostics) is { } s)
                    {
                        list.Add(new Located<string>(s.Value, s.Location));
                    }
                }

                return list;
            case YamlPoisoned:
                return null;
            default:
                diagnostics.Error(DiagnosticCodes.WrongNodeType, node.Location, $"{what} must be a list of names, not {node.ShapeName}");
                return null;
        }
    }

    public static YamlScalar? ExpectScalar(YamlNode node, string what, DiagnosticBag diagnostics)
    {
        switch (node)
        {
            case YamlScalar s:
                return s;
            case YamlPoisoned:
                return null;
            default:
                diagnostics.Error(DiagnosticCodes.WrongNodeType, node.Location, $"{what} must be a single value, not {node.ShapeName}");
                return null;
        }
    }

    public static YamlMapping? ExpectMapping(YamlNode node, string what, DiagnosticBag diagnostics)
    {
        switch (node)
        {
            case YamlMapping m:
                return m;
            case YamlPoisoned:
                return null;
            case YamlScalar s when s.IsNull:
                return new YamlMapping(s.Location, []);
            default:
                diagnostics.Error(DiagnosticCodes.WrongNodeType, node.Location, $"{what} must be a mapping of keys to values, not {node.ShapeName}");
                return null;
        }
    }

    public static YamlSequence? ExpectSequence(YamlNode node, string what, DiagnosticBag diagnostics)
    {
        switch (node)
        {
            case YamlSequence s:
                return s;
            case YamlPoisoned:
                return null;
            case YamlScalar s when s.IsNull:
                return new YamlSequence(s.Location, []);
            default:
                diagnostics.Error(DiagnosticCodes.WrongNodeType, node.Location, $"{what} must be a list, not {node.ShapeName}");
                return null;
        }
    }
}
