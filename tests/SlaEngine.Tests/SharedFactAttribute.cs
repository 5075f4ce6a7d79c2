using Xunit;

namespace SlaEngine.Tests;

/// <summary>
/// A fact that reads the shared acceptance cases (<c>../shared/acceptance</c> beside the repository): skipped, with a
/// reason naming the folder, on a clone that has nothing beside it. CI has the folder and fails on such a skip.
/// </summary>
public sealed class SharedFactAttribute : FactAttribute
{
    /// <summary>Skips the fact when the shared acceptance folder is absent.</summary>
    public SharedFactAttribute()
    {
        if (TestFiles.SharedAcceptanceMissingReason is { } reason)
        {
            Skip = reason;
        }
    }
}
