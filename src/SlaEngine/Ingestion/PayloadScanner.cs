using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace SlaEngine.Ingestion;

/// <summary>
/// Finds the values of a mapping's pointers in one forward pass over a payload's UTF-8 bytes, without building a
/// document: properties no pointer goes through are skipped as they are read. The whole payload is still read and
/// checked (malformed JSON, nesting deeper than the limit, trailing content), as a parse would. When a key appears
/// twice in an object, the last one counts, as <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/> finds it.
/// </summary>
internal static class PayloadScanner
{
    /// <summary>
    /// Reads the values into their slots; false when the payload is not an object (the caller then judges it on a
    /// parsed document, for the same message). Throws <see cref="JsonException"/> for malformed JSON.
    /// </summary>
    public static bool TryScan(ReadOnlySpan<byte> utf8, PointerTrie root, PayloadValue?[] slots)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = PayloadMapping.MaxPayloadDepth });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        root.Assign(slots, PayloadValue.Of(JsonValueKind.Object));
        ScanObject(ref reader, root, slots);
        if (reader.Read())
        {
            // Unreachable for a final block (the reader throws on content after the root), kept as a guard.
            throw new JsonException("the payload has content after its root object");
        }

        return true;
    }

    private static void ScanObject(ref Utf8JsonReader reader, PointerTrie node, PayloadValue?[] slots)
    {
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var child = node.Property(ref reader);
            reader.Read();
            if (child is null)
            {
                reader.Skip();
            }
            else
            {
                Visit(ref reader, child, slots);
            }
        }
    }

    private static void Visit(ref Utf8JsonReader reader, PointerTrie node, PayloadValue?[] slots)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                node.Assign(slots, PayloadValue.Of(JsonValueKind.Object));
                if (node.HasChildren)
                {
                    ScanObject(ref reader, node, slots);
                }
                else
                {
                    reader.Skip();
                }

                break;
            case JsonTokenType.StartArray:
                List<PayloadValue>? items = node.WantsValue ? [] : null;
                var index = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items?.Add(Shallow(ref reader));
                    if (node.Element(index++) is { } child)
                    {
                        Visit(ref reader, child, slots);
                    }
                    else if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    {
                        reader.Skip();
                    }
                }

                if (items is not null)
                {
                    node.Assign(slots, PayloadValue.Array([.. items]));
                }

                break;
            default:
                node.Assign(slots, Shallow(ref reader));
                break;
        }
    }

    /// <summary>The value of the token the reader is on: a scalar whole, a container by kind only.</summary>
    private static PayloadValue Shallow(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                try
                {
                    return PayloadValue.String(reader.GetString()!);
                }
                catch (InvalidOperationException)
                {
                    return PayloadValue.InvalidString;
                }

            case JsonTokenType.Number:
                return PayloadValue.Number(Encoding.UTF8.GetString(reader.ValueSpan));
            case JsonTokenType.True:
                return PayloadValue.Of(JsonValueKind.True);
            case JsonTokenType.False:
                return PayloadValue.Of(JsonValueKind.False);
            case JsonTokenType.StartObject:
                return PayloadValue.Of(JsonValueKind.Object);
            case JsonTokenType.StartArray:
                return PayloadValue.Of(JsonValueKind.Array);
            default:
                return PayloadValue.Of(JsonValueKind.Null);
        }
    }
}
