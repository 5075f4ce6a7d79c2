using System;
using System.Collections.Generic;
using System.Text.Json;

namespace SlaEngine.Ingestion;

/// <summary>
/// Every pointer of a mapping merged into one tree of steps, so that one forward pass over a payload's bytes finds
/// all the values the mapping reads: a step is matched against a property name in an object and against an element
/// index in an array, as RFC 6901 resolves it. Each node lists the value slots that want the value there.
/// </summary>
internal sealed class PointerTrie
{
    private readonly List<(byte[] Name, int Index, PointerTrie Child)> _children = [];
    private readonly List<int> _slots = [];

    /// <summary>Builds the tree of pointers without selectors; null when any pointer has one.</summary>
    /// <param name="pointers">The pointers by slot (null: the slot is unused).</param>
    public static PointerTrie? TryBuild(IReadOnlyList<JsonPointer?> pointers)
    {
        var root = new PointerTrie();
        for (var slot = 0; slot < pointers.Count; slot++)
        {
            if (pointers[slot] is not { } pointer)
            {
                continue;
            }

            if (pointer.HasSelector)
            {
                return null;
            }

            var node = root;
            foreach (var step in pointer.Steps)
            {
                node = node.ChildFor(step.NameUtf8, step.Index);
            }

            node._slots.Add(slot);
        }

        return root;
    }

    public bool HasChildren => _children.Count > 0;

    /// <summary>Records a value for every slot that wants the value at this node.</summary>
    public void Assign(PayloadValue?[] slots, PayloadValue value)
    {
        foreach (var slot in _slots)
        {
            slots[slot] = value;
        }
    }

    public bool WantsValue => _slots.Count > 0;

    /// <summary>The child for the property name the reader is on, or null.</summary>
    public PointerTrie? Property(ref Utf8JsonReader reader)
    {
        var escaped = reader.ValueIsEscaped;
        var length = reader.ValueSpan.Length;
        foreach (var (name, _, child) in _children)
        {
            // An escaped name is longer as written than its value: only unescaped names can be ruled out by length.
            if ((escaped || name.Length == length) && reader.ValueTextEquals(name))
            {
                return child;
            }
        }

        return null;
    }

    /// <summary>The child for an array element index, or null.</summary>
    public PointerTrie? Element(int index)
    {
        foreach (var (_, i, child) in _children)
        {
            if (i == index)
            {
                return child;
            }
        }

        return null;
    }

    private PointerTrie ChildFor(byte[] name, int index)
    {
        foreach (var (existing, _, child) in _children)
        {
            if (existing.AsSpan().SequenceEqual(name))
            {
                return child;
            }
        }

        var node = new PointerTrie();
        _children.Add((name, index, node));
        return node;
    }
}
