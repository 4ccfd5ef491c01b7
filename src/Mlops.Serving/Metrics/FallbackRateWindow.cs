namespace Mlops.Serving.Metrics;

/// <summary>
/// The share of fallback answers over the last N predictions (the talk's monitoring window: 1,500).
/// A sliding window, not a lifetime average, so a drift in the inputs shows up within one window.
/// </summary>
public sealed class FallbackRateWindow
{
    public const int DefaultSize = 1500;

    private readonly bool[] _window;
    private readonly Lock _lock = new();
    private int _next;
    private int _count;
    private int _fallbacks;

    public FallbackRateWindow(int size = DefaultSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        _window = new bool[size];
    }

    public int Size => _window.Length;

    public void Add(bool fallback)
    {
        lock (_lock)
        {
            if (_count == _window.Length)
            {
                if (_window[_next])
                {
                    _fallbacks--;
                }
            }
            else
            {
                _count++;
            }

            _window[_next] = fallback;
            if (fallback)
            {
                _fallbacks++;
            }

            _next = (_next + 1) % _window.Length;
        }
    }

    /// <summary>Fallbacks divided by predictions in the window; 0 before the first prediction.</summary>
    public double Rate
    {
        get
        {
            lock (_lock)
            {
                return _count == 0 ? 0 : (double)_fallbacks / _count;
            }
        }
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _count;
            }
        }
    }
}
