namespace SlaEngine.Testing;

/// <summary>One difference between what a case expected and what the policy decided.</summary>
public sealed record PolicyTestMismatch
{
    internal PolicyTestMismatch(string path, string expected, string actual)
    {
        Path = path;
        Expected = expected;
        Actual = actual;
    }

    /// <summary>The key that differs, such as <c>deadlines.acknowledge</c>, <c>escalations[1].notify</c> or <c>clocks.resolve.elapsed</c>.</summary>
    public string Path { get; }

    /// <summary>The expected value as text (instants with their offset and, where a calendar applies, in its local time).</summary>
    public string Expected { get; }

    /// <summary>The actual value, formatted like <see cref="Expected"/>.</summary>
    public string Actual { get; }

    /// <summary>Formats the mismatch on one line: <c>path: expected X, actual Y</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Path}: expected {Expected}, actual {Actual}";
}
