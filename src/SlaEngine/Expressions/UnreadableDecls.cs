using System.Collections.Generic;

namespace SlaEngine.Expressions;

/// <summary>
/// Declarations the reader could not read, each already reported once: a whole section that is misspelt or of the
/// wrong shape, or a field whose type is missing or unknown. A reference into them is not a second defect, so
/// neither the reference checker nor the expression checker reports it (one defect, one diagnostic).
/// </summary>
/// <param name="Teams">The 'teams' section is missing under a misspelt key or is not a mapping.</param>
/// <param name="Calendars">The 'calendars' section is missing under a misspelt key or is not a mapping.</param>
/// <param name="Clocks">The 'clocks' section is missing under a misspelt key or is not a mapping.</param>
/// <param name="Fields">The 'fields' section is missing under a misspelt key or is not a mapping.</param>
/// <param name="FieldNames">Fields declared without a readable type.</param>
internal sealed record UnreadableDecls(bool Teams, bool Calendars, bool Clocks, bool Fields, IReadOnlySet<string> FieldNames)
{
    public static readonly UnreadableDecls None = new(false, false, false, false, new HashSet<string>());

    /// <summary>Whether a reference to this field name is not to be reported.</summary>
    public bool IsUnreadableField(string name) => Fields || FieldNames.Contains(name);
}
