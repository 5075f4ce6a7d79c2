namespace SlaEngine.Policies;

/// <summary>How many of a decision's approvers must approve.</summary>
public enum ApprovalMode
{
    /// <summary>Every approver must approve (the default).</summary>
    All = 0,

    /// <summary>Any one approver is enough.</summary>
    Any = 1,
}
