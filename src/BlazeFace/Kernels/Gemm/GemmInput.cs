namespace BlazeFace.Kernels.Gemm;

/// <summary>
/// Where one row of the GEMM's left matrix finds its reduction: <see cref="Segments"/> runs of
/// <see cref="SegmentLength"/> contiguous floats, each <see cref="SegmentPitch"/> floats after the previous one.
/// </summary>
/// <remarks>
/// A 1x1 convolution reduces over one run (the pixel's channels). A direct KxK convolution reduces over K runs, one per
/// window row: window row ky of an output pixel is K x C contiguous floats of image row iy + ky, so the next run is a
/// whole image row further on. Reading the image in place this way needs no im2col copy.
/// </remarks>
internal readonly record struct GemmInput(int Segments, int SegmentLength, int SegmentPitch)
{
    public int Depth => Segments * SegmentLength;

    public static GemmInput Contiguous(int depth) => new(1, depth, depth);
}
