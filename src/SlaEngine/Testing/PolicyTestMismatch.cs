namespace SlaEngine.Testing;

/// <summary>One difference between what a case expected and what the policy decided.</summary>
/// <param name="Path">The key that differs, such as <c>deadlines.acknowledge</c>, <c>escalations[1].notify</c> or <c>clocks.resolve.elapsed</c>.</param>
/// <param name="Expected">The expected value as text (instants with their offset and, where a calendar applies, in its local time).</param>
/// <param name="Actual">The actual value, formatted like <see cref="Expected"/>.</param>
public sealed record PolicyTestMismatch(string Path, string Expected, string Actual)
{
    /// <summary>Formats the mismatch on one line: <c>path: expected X, actual Y</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Path}: expected {Expected}, actual {Actual}";
}
