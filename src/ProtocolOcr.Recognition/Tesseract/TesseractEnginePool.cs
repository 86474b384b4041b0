using System.Collections.Concurrent;

namespace ProtocolOcr.Recognition.Tesseract;

/// <summary>
/// Hands each caller an engine of its own (sharing a handle across threads segfaults). Engines are created on demand,
/// so the pool grows to the number of threads reading at once, and are kept for reuse because creating one costs ~100 ms.
/// </summary>
public sealed class TesseractEnginePool : IDisposable
{
    private readonly TesseractSettings _settings;
    private readonly ConcurrentBag<TesseractEngine> _idle = [];
    private volatile bool _disposed;

    public TesseractEnginePool(TesseractSettings settings) => _settings = settings;

    public T Use<T>(Func<TesseractEngine, T> work)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var engine = _idle.TryTake(out var idle) ? idle : new TesseractEngine(_settings);
        try
        {
            return work(engine);
        }
        finally
        {
            _idle.Add(engine);
            if (_disposed)
            {
                DisposeIdle();
            }
        }
    }

    public void Dispose()
    {
        _disposed = true;
        DisposeIdle();
    }

    private void DisposeIdle()
    {
        while (_idle.TryTake(out var engine))
        {
            engine.Dispose();
        }
    }
}
