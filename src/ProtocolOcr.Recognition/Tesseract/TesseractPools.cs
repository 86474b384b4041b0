namespace ProtocolOcr.Recognition.Tesseract;

/// <summary>One <see cref="TesseractEnginePool"/> of text-line engines per set of models ("kaz", "kaz+rus"), made on first use. Thread-safe.</summary>
public sealed class TesseractPools : IDisposable
{
    private readonly Dictionary<string, TesseractEnginePool> _pools = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <param name="models">Tesseract model names joined by '+' (<see cref="TesseractLanguages"/>).</param>
    public TesseractEnginePool For(string models)
    {
        lock (_lock)
        {
            return _pools.TryGetValue(models, out var pool)
                ? pool
                : _pools[models] = new TesseractEnginePool(TesseractSettings.TextLine(models));
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var pool in _pools.Values)
            {
                pool.Dispose();
            }

            _pools.Clear();
        }
    }
}
