namespace SlaEngine.Evaluation;

/// <summary>Something wrong with a change request under the policy.</summary>
public sealed record Violation
{
    internal Violation(string code, string message)
    {
        Code = code;
        Message = message;
    }

    /// <summary>The stable code: <c>unowned</c>, <c>notice-period</c>, <c>freeze</c> or <c>out-of-range</c>.</summary>
    public string Code { get; }

    /// <summary>What is wrong, in plain words.</summary>
    public string Message { get; }

    /// <summary>No matching rule sets an owner.</summary>
    public const string Unowned = "unowned";

    /// <summary>The request was raised too late to give the notice its rule requires.</summary>
    public const string NoticePeriod = "notice-period";

    /// <summary>The change is scheduled inside a freeze and is not exempt.</summary>
    public const string Freeze = "freeze";

    /// <summary>A deadline would fall outside the range of dates SlaEngine supports.</summary>
    public const string OutOfRange = "out-of-range";
}
