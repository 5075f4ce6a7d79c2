namespace SlaEngine.Text;

/// <summary>Bounded quotes of input in messages: a message quotes at most 60 characters of a value, then an ellipsis.</summary>
internal static class Excerpt
{
    /// <summary>The value, cut to 60 characters with an ellipsis when longer.</summary>
    /// <param name="value">The value to quote.</param>
    /// <returns>The quote.</returns>
    public static string Shorten(string value) => value.Length > 60 ? value[..60] + "…" : value;
}
