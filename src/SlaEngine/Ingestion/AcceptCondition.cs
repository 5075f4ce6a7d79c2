using System.Collections.Frozen;
using System.Linq;

namespace SlaEngine.Ingestion;

/// <summary>One condition of a mapping's <c>accept</c>: the value at a pointer is one of the listed values.</summary>
internal sealed class AcceptCondition(JsonPointer pointer, FrozenSet<string> values)
{
    public JsonPointer Pointer { get; } = pointer;

    public FrozenSet<string> Values { get; } = values;

    public bool Holds(PayloadValue? found, out string why)
    {
        if (found is not { } value)
        {
            why = $"the payload has nothing at {Pointer.Text}";
            return false;
        }

        if (value.TryScalarText(out var text) && Values.Contains(text))
        {
            why = string.Empty;
            return true;
        }

        var shown = value.TryScalarText(out text) ? $"'{(text.Length > 60 ? text[..60] + "…" : text)}'" : value.Describe();
        why = $"{Pointer.Text} is {shown}, not one of {string.Join(", ", Values.Order())}";
        return false;
    }
}
