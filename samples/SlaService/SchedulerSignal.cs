using System.Threading;
using System.Threading.Tasks;

namespace SlaEngine.Samples.SlaService;

/// <summary>Wakes the escalation scheduler before its sleep ends: a new entry may have moved a ticket's next look earlier.</summary>
public sealed class SchedulerSignal : System.IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    /// <summary>Asks the scheduler to look again now (several calls before it wakes count as one).</summary>
    public void Wake()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: the scheduler will look once, which covers both.
        }
    }

    /// <inheritdoc />
    public void Dispose() => _signal.Dispose();

    /// <summary>Waits for a wake-up.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes on the next wake-up.</returns>
    internal Task WaitAsync(CancellationToken cancellationToken) => _signal.WaitAsync(cancellationToken);
}
