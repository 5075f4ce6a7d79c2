namespace SlaEngine.Analysis;

/// <summary>A change to a policy's definitions outside its rules (clocks, freezes, fields, teams, calendars added or removed).</summary>
public sealed class DefinitionChange
{
    internal DefinitionChange(DefinitionSection section, string subject, string description)
    {
        Section = section;
        Subject = subject;
        Description = description;
    }

    /// <summary>The part of the policy.</summary>
    public DefinitionSection Section { get; }

    /// <summary>The clock, freeze, field, team or calendar concerned.</summary>
    public string Subject { get; }

    /// <summary>The change, in plain words.</summary>
    public string Description { get; }

    /// <summary>Returns <c>section subject: description</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Section.ToString().ToLowerInvariant()} {Subject}: {Description}";
}
