using SlaEngine.Diagnostics;

namespace SlaEngine.Diagnostics;

/// <summary>
/// Maps an offset in an expression's text (UTF-16 code units of the value, after YAML unescaping and folding) to the
/// line and column in the policy file where that character was written, so diagnostics point into the file.
/// </summary>
internal interface IPositionMap
{
    /// <summary>Maps an offset (0 = the first character of the expression; the text's length = just past it).</summary>
    /// <param name="offset">The offset in the expression text.</param>
    /// <returns>The file location; never throws.</returns>
    SourceLocation Map(int offset);
}
