namespace BlazeFace.Cli.Imaging.Jpeg;

/// <summary>
/// Dequantization and the 8x8 inverse DCT of T.81 A.3.3 in integer arithmetic, followed by the level
/// shift of 128 and clamping to 0..255.
/// </summary>
/// <remarks>
/// Uses the separable Loeffler-Ligtenberg-Moschytz factorisation of the 8-point IDCT (12 multiplications
/// per 1-D transform) with constants in 13-bit fixed point and 2 extra fractional bits kept between the
/// column and the row pass. That is the arithmetic of the IJG library's "accurate integer" (islow) method,
/// the default of libjpeg and Pillow, so decoded samples agree with them; a plain floating-point IDCT
/// differs from it by 1 on about 1% of samples, which the colour conversion can amplify to 3.
/// </remarks>
internal static class JpegIdct
{
    private const int ConstBits = 13;
    private const int Pass1Bits = 2;

    // cos(k * pi / 16) for k = 1..7.
    private static readonly double C1 = Math.Cos(1 * Math.PI / 16);
    private static readonly double C2 = Math.Cos(2 * Math.PI / 16);
    private static readonly double C3 = Math.Cos(3 * Math.PI / 16);
    private static readonly double C5 = Math.Cos(5 * Math.PI / 16);
    private static readonly double C6 = Math.Cos(6 * Math.PI / 16);
    private static readonly double C7 = Math.Cos(7 * Math.PI / 16);

    // Even part: a rotation of (in2, in6) by 3pi/8, scaled by sqrt(2).
    private static readonly long Sqrt2C6 = Fix(Math.Sqrt(2) * C6); // 0.541196100
    private static readonly long Sqrt2C2MinusC6 = Fix(Math.Sqrt(2) * (C2 - C6)); // 0.765366865
    private static readonly long Sqrt2C2PlusC6 = Fix(Math.Sqrt(2) * (C2 + C6)); // 1.847759065

    // Odd part: the butterfly/rotation network on in1, in3, in5, in7, scaled by sqrt(2).
    private static readonly long Sqrt2C3 = Fix(Math.Sqrt(2) * C3); // 1.175875602
    private static readonly long OddK7 = Fix(Math.Sqrt(2) * (-C1 + C3 + C5 - C7)); // 0.298631336
    private static readonly long OddK5 = Fix(Math.Sqrt(2) * (C1 + C3 - C5 + C7)); // 2.053119869
    private static readonly long OddK3 = Fix(Math.Sqrt(2) * (C1 + C3 + C5 - C7)); // 3.072711026
    private static readonly long OddK1 = Fix(Math.Sqrt(2) * (C1 + C3 - C5 - C7)); // 1.501321110
    private static readonly long OddZ1 = Fix(Math.Sqrt(2) * (C7 - C3)); // -0.899976223
    private static readonly long OddZ2 = Fix(Math.Sqrt(2) * (-C1 - C3)); // -2.562915447
    private static readonly long OddZ3 = Fix(Math.Sqrt(2) * (-C3 - C5)); // -1.961570560
    private static readonly long OddZ4 = Fix(Math.Sqrt(2) * (C5 - C3)); // -0.390180644

    public static void Transform(ReadOnlySpan<short> coefficients, ReadOnlySpan<ushort> quantization, Span<byte> output, int stride)
    {
        Span<long> workspace = stackalloc long[64];
        Span<long> input = stackalloc long[8];
        Span<long> result = stackalloc long[8];

        // Pass 1: columns. Results keep Pass1Bits extra fractional bits.
        for (int column = 0; column < 8; column++)
        {
            bool acZero = true;
            for (int row = 0; row < 8; row++)
            {
                input[row] = (long)coefficients[(row * 8) + column] * quantization[(row * 8) + column];
                acZero &= row == 0 || input[row] == 0;
            }

            if (acZero)
            {
                long dc = input[0] << Pass1Bits;
                for (int row = 0; row < 8; row++)
                {
                    workspace[(row * 8) + column] = dc;
                }

                continue;
            }

            Transform1D(input, result, ConstBits - Pass1Bits);
            for (int row = 0; row < 8; row++)
            {
                workspace[(row * 8) + column] = result[row];
            }
        }

        // Pass 2: rows. Removes the extra bits and the factor 8 of the two 1-D transforms.
        for (int row = 0; row < 8; row++)
        {
            Transform1D(workspace.Slice(row * 8, 8), result, ConstBits + Pass1Bits + 3);
            Span<byte> outputRow = output.Slice(row * stride, 8);
            for (int x = 0; x < 8; x++)
            {
                outputRow[x] = (byte)Math.Clamp(result[x] + 128, 0, 255);
            }
        }
    }

    /// <summary>One 8-point IDCT; outputs are scaled by 2^ConstBits before the rounded shift.</summary>
    private static void Transform1D(ReadOnlySpan<long> input, Span<long> output, int shift)
    {
        // Even part: in0, in2, in4, in6.
        long z1 = (input[2] + input[6]) * Sqrt2C6;
        long tmp2 = z1 - (input[6] * Sqrt2C2PlusC6);
        long tmp3 = z1 + (input[2] * Sqrt2C2MinusC6);
        long tmp0 = (input[0] + input[4]) << ConstBits;
        long tmp1 = (input[0] - input[4]) << ConstBits;

        long even0 = tmp0 + tmp3;
        long even3 = tmp0 - tmp3;
        long even1 = tmp1 + tmp2;
        long even2 = tmp1 - tmp2;

        // Odd part: in1, in3, in5, in7.
        long i7 = input[7];
        long i5 = input[5];
        long i3 = input[3];
        long i1 = input[1];
        long s17 = i7 + i1;
        long s53 = i5 + i3;
        long s73 = i7 + i3;
        long s51 = i5 + i1;
        long z5 = (s73 + s51) * Sqrt2C3;

        long a73 = (s73 * OddZ3) + z5;
        long a51 = (s51 * OddZ4) + z5;
        long b17 = s17 * OddZ1;
        long b53 = s53 * OddZ2;

        long odd7 = (i7 * OddK7) + b17 + a73;
        long odd5 = (i5 * OddK5) + b53 + a51;
        long odd3 = (i3 * OddK3) + b53 + a73;
        long odd1 = (i1 * OddK1) + b17 + a51;

        long round = 1L << (shift - 1);
        output[0] = (even0 + odd1 + round) >> shift;
        output[7] = (even0 - odd1 + round) >> shift;
        output[1] = (even1 + odd3 + round) >> shift;
        output[6] = (even1 - odd3 + round) >> shift;
        output[2] = (even2 + odd5 + round) >> shift;
        output[5] = (even2 - odd5 + round) >> shift;
        output[3] = (even3 + odd7 + round) >> shift;
        output[4] = (even3 - odd7 + round) >> shift;
    }

    private static long Fix(double value) => (long)Math.Round(value * (1 << ConstBits));
}
