namespace BlazeFace.Tracking;

/// <summary>
/// The state of one coordinate under a One-Euro filter (Casiez, Roussel and Vogel, "1€ Filter: A Simple Speed-based
/// Low-pass Filter for Noisy Input in Interactive Systems", CHI 2012): an exponentially smoothed value and an
/// exponentially smoothed rate of change. The caller turns speed into the cut-off frequency (see
/// <see cref="FaceMotionFilter"/>), so this type holds only the two low-pass filters.
/// </summary>
/// <remarks>
/// As in MediaPipe's <c>OneEuroFilter</c> and the paper's reference code, the rate is measured against the previous
/// <em>raw</em> sample, not the previous filtered value: at a constant speed it then converges to that speed (against
/// the lagging filtered value it would read 1/alpha times too fast), which is what coasting extrapolates with.
/// </remarks>
internal struct OneEuroFilter
{
    private float _value;
    private float _rate;
    private float _lastRaw;

    /// <summary>The filtered value.</summary>
    public readonly float Value => _value;

    /// <summary>The filtered rate of change, in units per second.</summary>
    public readonly float Rate => _rate;

    /// <summary>Starts the filter at <paramref name="raw"/>, at rest.</summary>
    public void Start(float raw)
    {
        _value = raw;
        _lastRaw = raw;
        _rate = 0f;
    }

    /// <summary>First half of a step: folds the new sample's rate of change into the filtered rate.</summary>
    /// <param name="raw">The new sample.</param>
    /// <param name="elapsedSeconds">Time since the previous sample; positive.</param>
    /// <param name="rateAlpha">Smoothing factor of the rate, from <see cref="Alpha"/> and the derivative cut-off.</param>
    /// <returns>The filtered rate.</returns>
    public float UpdateRate(float raw, float elapsedSeconds, float rateAlpha)
    {
        float rawRate = (raw - _lastRaw) / elapsedSeconds;
        _rate += rateAlpha * (rawRate - _rate);
        return _rate;
    }

    /// <summary>Second half of a step: moves the value towards the new sample by <paramref name="alpha"/>.</summary>
    /// <param name="raw">The new sample, as given to <see cref="UpdateRate"/>.</param>
    /// <param name="alpha">Smoothing factor, from <see cref="Alpha"/> and the speed-dependent cut-off.</param>
    public void Smooth(float raw, float alpha)
    {
        _value += alpha * (raw - _value);
        _lastRaw = raw;
    }

    /// <summary>
    /// Moves the filter along its rate without a sample (a missed frame): the value and the last raw sample both
    /// advance, so the next real sample is compared with where the coordinate was expected to be.
    /// </summary>
    /// <param name="elapsedSeconds">Time since the previous sample or advance.</param>
    public void Advance(float elapsedSeconds)
    {
        float step = _rate * elapsedSeconds;
        _value += step;
        _lastRaw += step;
    }

    /// <summary>Where the value is expected to be <paramref name="elapsedSeconds"/> from now at the current rate.</summary>
    /// <param name="elapsedSeconds">Time ahead.</param>
    public readonly float Predict(float elapsedSeconds) => _value + (_rate * elapsedSeconds);

    /// <summary>
    /// The smoothing factor of a first-order low-pass filter with cut-off <paramref name="cutoff"/> hertz sampled
    /// <paramref name="elapsedSeconds"/> apart: 1 / (1 + tau / Te), tau = 1 / (2 pi fc). It tends to 1 (no smoothing)
    /// as the cut-off or the interval grows.
    /// </summary>
    public static float Alpha(float cutoff, float elapsedSeconds) => 1f / (1f + (1f / (2f * MathF.PI * cutoff * elapsedSeconds)));
}
