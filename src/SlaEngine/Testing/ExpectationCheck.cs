using System;
using System.Collections.Generic;
using SlaEngine.Diagnostics;
using SlaEngine.Evaluation;
using SlaEngine.Tracking;

namespace SlaEngine.Testing;

/// <summary>One compared key of a case's <c>expect</c>: its path and how to compare it with what the policy decided.</summary>
/// <param name="Key">The key path, such as <c>deadlines.resolve</c>.</param>
/// <param name="Location">Where the expected value is written.</param>
/// <param name="Compare">Adds a mismatch for each difference found.</param>
internal sealed record ExpectationCheck(string Key, SourceLocation Location, Action<ActualOutcome, List<PolicyTestMismatch>> Compare);

/// <summary>What the policy decided for a case: the decision, and for a timeline case the ticket status at the case's instant.</summary>
internal sealed record ActualOutcome(Policy Policy, Decision Decision, TicketStatus? Status);
