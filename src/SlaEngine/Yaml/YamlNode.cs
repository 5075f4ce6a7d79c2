using System.Collections.Generic;
using SlaEngine.Diagnostics;
using YamlDotNet.Core;

namespace SlaEngine.Yaml;

/// <summary>A YAML node that keeps where it starts in the file; positions are lost once YAML is deserialized, so we never do.</summary>
internal abstract class YamlNode
{
    protected YamlNode(SourceLocation location) => Location = location;

    /// <summary>Where the node starts (1-based line and column).</summary>
    public SourceLocation Location { get; }

    /// <summary>A short name of the node's shape for messages.</summary>
    public abstract string ShapeName { get; }
}

/// <summary>A scalar with its text, its style and the raw position needed to map offsets inside it back to the file.</summary>
internal sealed class YamlScalar : YamlNode
{
    public YamlScalar(string value, ScalarStyle style, SourceLocation location, int startIndex)
        : base(location)
    {
        Value = value;
        Style = style;
        StartIndex = startIndex;
    }

    public string Value { get; }

    public ScalarStyle Style { get; }

    /// <summary>The character index of the scalar's first character (including a quote or block indicator).</summary>
    public int StartIndex { get; }

    /// <summary>Whether the scalar is unquoted (so <c>null</c>, <c>~</c> and an empty value mean null).</summary>
    public bool IsPlain => Style is ScalarStyle.Plain or ScalarStyle.Any;

    /// <summary>Whether this is a plain null (<c>null</c>, <c>~</c> or nothing).</summary>
    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string ShapeName => "a scalar";
}

/// <summary>A mapping whose keys are scalars, in file order (duplicates are reported while reading and dropped).</summary>
internal sealed class YamlMapping : YamlNode
{
    public YamlMapping(SourceLocation location, IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> entries)
        : base(location) => Entries = entries;

    public IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> Entries { get; }

    public override string ShapeName => "a mapping";
}

/// <summary>A sequence, in file order.</summary>
internal sealed class YamlSequence : YamlNode
{
    public YamlSequence(SourceLocation location, IReadOnlyList<YamlNode> items)
        : base(location) => Items = items;

    public IReadOnlyList<YamlNode> Items { get; }

    public override string ShapeName => "a list";
}

/// <summary>
/// A node that was already reported (an alias, a non-scalar key, a subtree too deep): readers skip it
/// without reporting anything more, so one defect gives one diagnostic.
/// </summary>
internal sealed class YamlPoisoned : YamlNode
{
    public YamlPoisoned(SourceLocation location)
        : base(location)
    {
    }

    public override string ShapeName => "an invalid node";
}
