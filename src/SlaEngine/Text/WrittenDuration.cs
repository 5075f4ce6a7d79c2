using NodaTime;

namespace SlaEngine.Text;

/// <summary>The form an amount of time was written in.</summary>
internal enum WrittenDurationForm
{
    /// <summary>Units: <c>1w2d3h4m5.5s</c>, any of them left out, or a bare <c>0</c>.</summary>
    Units,

    /// <summary>Business days: <c>3bd</c>.</summary>
    BusinessDays,

    /// <summary>ISO-8601: <c>PT1H30M</c>, <c>P2D</c>.</summary>
    Iso,
}

/// <summary>An amount of time as written (<see cref="DurationText.TryParseWritten"/>), before a reader's bounds.</summary>
/// <param name="Form">The form.</param>
/// <param name="Weeks">The weeks written (units form).</param>
/// <param name="Days">The days written (units form).</param>
/// <param name="Hours">The hours written (units form).</param>
/// <param name="Minutes">The minutes written (units form).</param>
/// <param name="Seconds">The whole seconds written (units form).</param>
/// <param name="Nanoseconds">The fraction of a second written, in nanoseconds (units form).</param>
/// <param name="HasSeconds">Whether seconds were written at all (units form).</param>
/// <param name="IsBareZero">Whether the text was a bare <c>0</c> (units form, all zero).</param>
/// <param name="BusinessDays">The business days (business days form).</param>
/// <param name="Period">The period (ISO form).</param>
internal readonly record struct WrittenDuration(
    WrittenDurationForm Form,
    long Weeks = 0,
    long Days = 0,
    long Hours = 0,
    long Minutes = 0,
    long Seconds = 0,
    long Nanoseconds = 0,
    bool HasSeconds = false,
    bool IsBareZero = false,
    int BusinessDays = 0,
    Period? Period = null);
