using Xunit;

namespace SlaEngine.Tests;

/// <summary>
/// A theory that reads the shared acceptance cases (<c>../shared/acceptance</c> beside the repository): skipped as a
/// whole, with a reason naming the folder and without reading its data, on a clone that has nothing beside it.
/// </summary>
public sealed class SharedTheoryAttribute : TheoryAttribute
{
    /// <summary>Skips the theory when the shared acceptance folder is absent.</summary>
    public SharedTheoryAttribute()
    {
        if (TestFiles.SharedAcceptanceMissingReason is { } reason)
        {
            Skip = reason;
        }
    }
}
