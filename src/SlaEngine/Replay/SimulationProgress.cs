using System;

namespace SlaEngine.Replay;

/// <summary>How far a replay has got: for a progress line on a terminal.</summary>
/// <param name="Rows">Rows read so far.</param>
/// <param name="Tickets">Tickets whose figures are done.</param>
/// <param name="OpenTickets">Tickets read but not yet done (held in memory).</param>
public readonly record struct SimulationProgress(long Rows, long Tickets, long OpenTickets);
