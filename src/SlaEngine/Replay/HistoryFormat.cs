namespace SlaEngine.Replay;

/// <summary>How a ticket history file is written.</summary>
public enum HistoryFormat
{
    /// <summary>JSON lines: one JSON object per line, <c>{"ticket": …, "at": …, "id"?: …, field values flat or under "set"}</c>.</summary>
    JsonLines = 0,

    /// <summary>CSV with a header row: <c>ticket</c>, <c>at</c>, optional <c>id</c>, then one column per field; an empty cell sets nothing.</summary>
    Csv = 1,
}
