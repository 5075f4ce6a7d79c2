namespace SlaEngine.Analysis;

/// <summary>Work limits of the condition solver in the lints (node visits): past them a lint stays silent.</summary>
internal static class LintBudget
{
    /// <summary>The limit of one query.</summary>
    public const long Query = 200_000;

    /// <summary>The limit of a whole lint of one policy.</summary>
    public const long Total = 40_000_000;
}
