namespace SlaEngine.Replay;

/// <summary>The figures of one group of cycles in a breakdown: one owner team, one ISO week or one field value.</summary>
public sealed class AttainmentGroup
{
    internal AttainmentGroup(string key, AttainmentFigures figures)
    {
        Key = key;
        Figures = figures;
    }

    /// <summary>The group: a team id (<c>none</c> for no owner), an ISO week (<c>2026-W48</c>) or a field value.</summary>
    public string Key { get; }

    /// <summary>The group's figures.</summary>
    public AttainmentFigures Figures { get; }
}
