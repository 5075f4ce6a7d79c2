namespace SlaEngine.Tests.Conventions.Fixture.Lower
{
    /// <summary>A type of the lower fixture layer.</summary>
    internal sealed class Used
    {
        public static int Value() => 1;
    }
}

namespace SlaEngine.Tests.Conventions.Fixture.Upper
{
    /// <summary>A type of the upper fixture layer that calls the lower one: an edge against the order when upper is above.</summary>
    internal static class UsesLower
    {
        public static int Call() => Lower.Used.Value();
    }
}
