using System.Globalization;
using NodaTime;
using SlaEngine.Text;

namespace SlaEngine.Policies;

/// <summary>
/// An amount of SLA time as a policy writes it: open time on a calendar (<c>4h</c>, <c>1h30m</c>, <c>2d</c> = 48h,
/// <c>1w</c> = 168h), or a number of business days (<c>3bd</c>, see docs/calendars.md, "Business days").
/// </summary>
/// <param name="OpenTime">The open time; <see cref="Duration.Zero"/> for business days.</param>
/// <param name="BusinessDays">The number of business days; 0 for open time.</param>
/// <param name="Text">The amount as written in the policy.</param>
public readonly record struct SlaAmount(Duration OpenTime, int BusinessDays, string Text)
{
    /// <summary>Whether the amount is in business days.</summary>
    public bool IsBusinessDays => BusinessDays > 0;

    /// <summary>An amount of open time.</summary>
    /// <param name="openTime">A positive duration.</param>
    /// <returns>The amount, written in compact form.</returns>
    public static SlaAmount FromOpenTime(Duration openTime) => new(openTime, 0, DurationText.Format(openTime));

    /// <summary>An amount of business days.</summary>
    /// <param name="days">A positive number of days.</param>
    /// <returns>The amount.</returns>
    public static SlaAmount FromBusinessDays(int days) => new(Duration.Zero, days, days.ToString(CultureInfo.InvariantCulture) + "bd");

    /// <summary>Returns the amount as written.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Text;
}
