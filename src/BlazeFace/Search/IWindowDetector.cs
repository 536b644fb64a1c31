using BlazeFace.Imaging;
using BlazeFace.PostProcessing;
using BlazeFace.Preprocessing;

namespace BlazeFace.Search;

/// <summary>The single-window pipeline a multi-window search drives: pre-processing along a transform, network, decoding, suppression.</summary>
internal interface IWindowDetector
{
    /// <summary>Detects faces in one window of an image.</summary>
    /// <param name="image">The whole image.</param>
    /// <param name="transform">Which window, turned how, fitted into the input how.</param>
    /// <returns>The window's survivors of suppression, best first, normalised to the model input; valid until the next call.</returns>
    ReadOnlySpan<FaceCandidate> DetectWindow(ImageView image, in InputTransform transform);
}
