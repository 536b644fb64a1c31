namespace BlazeFace.Cli.Imaging.Jpeg;

/// <summary>Turns the decoded coefficients of a frame into an RGB24 image.</summary>
internal static class JpegImageAssembler
{
    public static RgbImage Assemble(JpegDecoderState state)
    {
        JpegFrame frame = state.Frame
            ?? throw JpegFormatError.Create("Invalid JPEG: no frame header (SOF) before the end of the image.");

        foreach (JpegComponent component in frame.Components)
        {
            if (component.Coefficients is null)
            {
                throw JpegFormatError.Create(
                    $"Invalid or truncated JPEG: component {component.Id} has no scan data.");
            }
        }

        int width = frame.Width;
        int height = frame.Height;
        var upsamplers = new JpegUpsampler[frame.Components.Length];
        for (int i = 0; i < upsamplers.Length; i++)
        {
            JpegComponent c = frame.Components[i];
            upsamplers[i] = new JpegUpsampler(
                BuildPlane(c), c.HorizontalFactor, c.VerticalFactor, frame.MaxHorizontalFactor, frame.MaxVerticalFactor, width);
        }

        var pixels = new byte[(long)width * height * 3];
        bool rgb = IsRgb(frame, state);
        for (int y = 0; y < height; y++)
        {
            Span<byte> output = pixels.AsSpan(y * width * 3, width * 3);
            if (upsamplers.Length == 1)
            {
                JpegColorConverter.GrayToRgb(upsamplers[0].Row(y), output);
            }
            else if (rgb)
            {
                JpegColorConverter.RgbToRgb(upsamplers[0].Row(y), upsamplers[1].Row(y), upsamplers[2].Row(y), output);
            }
            else
            {
                JpegColorConverter.YCbCrToRgb(upsamplers[0].Row(y), upsamplers[1].Row(y), upsamplers[2].Row(y), output);
            }
        }

        return new RgbImage(width, height, pixels);
    }

    /// <summary>
    /// The colour space of a 3-component image, decided as libjpeg does: JFIF means YCbCr; otherwise
    /// an Adobe APP14 transform flag of 0 means RGB (1 means YCbCr); otherwise component ids
    /// 'R', 'G', 'B' mean RGB; anything else is taken as YCbCr.
    /// </summary>
    private static bool IsRgb(JpegFrame frame, JpegDecoderState state)
    {
        if (frame.Components.Length != 3 || state.SawJfif)
        {
            return false;
        }

        if (state.AdobeTransform is int transform)
        {
            return transform == 0;
        }

        return frame.Components[0].Id == 'R' && frame.Components[1].Id == 'G' && frame.Components[2].Id == 'B';
    }

    /// <summary>Inverse-DCTs the blocks that cover the component and frees its coefficients.</summary>
    private static JpegPlane BuildPlane(JpegComponent component)
    {
        short[] coefficients = component.Coefficients!;
        ushort[] quantization = component.QuantizationTable!;
        int stride = component.WidthInBlocks * 8;
        var samples = new byte[(long)stride * component.HeightInBlocks * 8];
        for (int row = 0; row < component.HeightInBlocks; row++)
        {
            for (int column = 0; column < component.WidthInBlocks; column++)
            {
                JpegIdct.Transform(
                    component.Block(row, column),
                    quantization,
                    samples.AsSpan((row * 8 * stride) + (column * 8)),
                    stride);
            }
        }

        component.Coefficients = null;
        return new JpegPlane(samples, stride, component.Width, component.Height);
    }
}
