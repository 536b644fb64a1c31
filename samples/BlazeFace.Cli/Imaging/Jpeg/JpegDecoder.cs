using BlazeFace.Cli.Imaging.Jpeg;

namespace BlazeFace.Cli.Imaging;

/// <summary>
/// A managed JPEG decoder written from ITU-T T.81 for the CLI sample.
/// </summary>
/// <remarks>
/// <para>
/// Supported: baseline (SOF0), extended sequential 8-bit (SOF1) and progressive (SOF2) Huffman-coded
/// DCT images with spectral selection and successive approximation; 1 component (grayscale) or
/// 3 components (YCbCr per JFIF, or RGB when an Adobe APP14 transform flag is 0 or the component ids
/// are 'R','G','B'); sampling factors 1 to 4; restart intervals; 8- or 16-bit quantization tables.
/// Blocks are inverse-transformed with an integer IDCT of the same arithmetic as libjpeg's default
/// (<see cref="JpegIdct"/>); subsampled chroma is upsampled with libjpeg's triangle filter for factor-2
/// ratios and by sample replication otherwise (<see cref="JpegUpsampler"/>), so output agrees with
/// libjpeg/Pillow to within 1 or 2 per channel.
/// </para>
/// <para>
/// Rejected with <see cref="InvalidDataException"/>: arithmetic coding, lossless and hierarchical
/// processes, precisions other than 8 bits, 2 or 4 (CMYK/YCCK) components, DNL, zero dimensions,
/// images above 100 megapixels, missing tables, invalid Huffman data and truncated data. A sequential
/// image whose scans are complete may lack its EOI marker; a progressive one may not, as a missing
/// EOI there usually means later scans are missing too. Entropy-coded data that ends (or meets a
/// marker) before its MCUs are complete, and a missing or out-of-order RSTn marker, are errors: there
/// is no libjpeg-style zero filling or resynchronisation. Messages start with "JPEG: ".
/// </para>
/// <para>
/// Memory: every scan decodes into one coefficient store per component (2 bytes per coefficient,
/// whole MCUs), which is turned into samples after the last scan; peak use is roughly 3 bytes per
/// pixel per full-resolution component plus the RGB output. The store is only allocated once the
/// file holds enough scan data to code it, so a corrupt header cannot trigger a huge allocation.
/// </para>
/// </remarks>
internal static class JpegDecoder
{
    public static RgbImage Decode(ReadOnlySpan<byte> file)
    {
        if (file.Length < 2 || file[0] != 0xFF || file[1] != JpegMarker.Soi)
        {
            throw JpegFormatError.Create("Not a JPEG file: it does not start with the SOI marker (FF D8).");
        }

        var state = new JpegDecoderState();
        int position = 2;
        while (true)
        {
            if (!JpegMarker.TryFindNext(file, position, out int markerPosition, out byte marker))
            {
                return FinishWithoutEndOfImage(state);
            }

            position = markerPosition + 2;
            if (marker == JpegMarker.Eoi)
            {
                return JpegImageAssembler.Assemble(state);
            }

            if (marker == JpegMarker.Soi)
            {
                throw JpegFormatError.Create("Corrupt JPEG data: a second SOI marker inside the image.");
            }

            if (JpegMarker.IsStandalone(marker))
            {
                continue; // stray RSTn or TEM outside a scan: nothing to do
            }

            RejectUnsupported(marker);
            ReadOnlySpan<byte> segment = JpegSegmentParser.ReadSegment(file, markerPosition, marker, out position);
            switch (marker)
            {
                case JpegMarker.Sof0Baseline:
                case JpegMarker.Sof1ExtendedSequential:
                case JpegMarker.Sof2Progressive:
                    if (state.Frame is not null)
                    {
                        throw JpegFormatError.Create("Unsupported JPEG: more than one frame (SOF) marker.");
                    }

                    state.Frame = JpegSegmentParser.ParseFrame(segment, marker);
                    break;
                case JpegMarker.Dht:
                    JpegSegmentParser.ParseHuffmanTables(segment, state);
                    break;
                case JpegMarker.Dqt:
                    JpegSegmentParser.ParseQuantizationTables(segment, state);
                    break;
                case JpegMarker.Dri:
                    JpegSegmentParser.ParseRestartInterval(segment, state);
                    break;
                case JpegMarker.Sos:
                    JpegScan scan = JpegSegmentParser.ParseScan(segment, state);
                    position = JpegScanDecoder.Decode(file, position, scan, state);
                    break;
                default:
                    // APPn (JFIF, Adobe), COM and reserved markers with a length are read or skipped.
                    JpegSegmentParser.ParseApplicationSegment(segment, marker, state);
                    break;
            }
        }
    }

    private static RgbImage FinishWithoutEndOfImage(JpegDecoderState state)
    {
        if (state.Frame is null)
        {
            throw JpegFormatError.Create("Truncated JPEG: the data ends before a frame header (SOF) and scans.");
        }

        if (state.Frame.Progressive)
        {
            throw JpegFormatError.Create(
                "Truncated progressive JPEG: the data ends without an EOI marker, so later scans may be missing.");
        }

        // Sequential: every complete scan has been decoded; this fails unless all components were.
        return JpegImageAssembler.Assemble(state);
    }

    private static void RejectUnsupported(byte marker)
    {
        string? problem = marker switch
        {
            JpegMarker.Sof3Lossless => "lossless JPEG (SOF3) is not supported",
            0xC5 or 0xC6 or 0xC7 or JpegMarker.Dhp or JpegMarker.Exp =>
                $"hierarchical (differential) JPEG ({JpegMarker.Describe(marker)}) is not supported",
            0xC9 or 0xCA or 0xCB or 0xCD or 0xCE or 0xCF or JpegMarker.Dac =>
                $"arithmetic-coded JPEG ({JpegMarker.Describe(marker)}) is not supported",
            JpegMarker.Jpg => "the reserved JPG marker (0xFFC8) is not supported",
            JpegMarker.Dnl => "DNL (height defined after the first scan) is not supported",
            _ => null,
        };

        if (problem is not null)
        {
            throw JpegFormatError.Create("Unsupported JPEG: " + problem + ".");
        }
    }
}
