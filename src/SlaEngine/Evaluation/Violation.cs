namespace SlaEngine.Evaluation;

/// <summary>Something wrong with a change request under the policy.</summary>
/// <param name="Code">The stable code: <c>unowned</c>, <c>notice-period</c>, <c>freeze</c> or <c>out-of-range</c>.</param>
/// <param name="Message">What is wrong, in plain words.</param>
public sealed record Violation(string Code, string Message)
{
    /// <summary>No matching rule sets an owner.</summary>
    public const string Unowned = "unowned";

    /// <summary>The request was raised too late to give the notice its rule requires.</summary>
    public const string NoticePeriod = "notice-period";

    /// <summary>The change is scheduled inside a freeze and is not exempt.</summary>
    public const string Freeze = "freeze";

    /// <summary>A deadline would fall outside the range of dates SlaEngine supports.</summary>
    public const string OutOfRange = "out-of-range";
}
