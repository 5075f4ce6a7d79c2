using System;

namespace SlaEngine.Yaml;

/// <summary>
/// Asks <see cref="YamlTreeReader"/> for the items of one sequence of the root mapping as they are read, instead of
/// in the tree: a loader can then build what it needs of each item and let the item's nodes go.
/// </summary>
/// <param name="key">The key of the root mapping whose sequence is observed (its first sequence).</param>
/// <param name="item">Called with each item, in order.</param>
internal sealed class SequenceObserver(string key, Action<YamlNode> item)
{
    /// <summary>The key of the root mapping whose sequence is observed.</summary>
    public string Key { get; } = key;

    /// <summary>Called with each item, in order.</summary>
    public Action<YamlNode> Item { get; } = item;

    /// <summary>The sequence node whose items were handed over (kept in the tree without them); null while none was.</summary>
    public YamlSequence? Sequence { get; set; }
}
