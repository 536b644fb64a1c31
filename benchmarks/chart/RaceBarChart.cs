using SkiaSharp;

namespace BlazeFace.RaceChart;

/// <summary>
/// One panel per model, each on its own scale (the models differ 4x in cost, and what matters is the engines within
/// a model): the network alone on each engine, then end-to-end Detect on each engine, labelled in milliseconds, with
/// the machine and the sources under the panels.
/// </summary>
internal sealed class RaceBarChart
{
    private const int Width = 1500;
    private const int Height = 820;
    private const int Margin = 40;
    private const int PanelTop = 150;
    private const int PanelBottom = Height - 205;

    private static readonly SKColor Managed = new(0x1f, 0x6f, 0xb4);
    private static readonly SKColor OnnxRuntime = new(0xe0, 0x7b, 0x22);
    private static readonly SKColor Tflite = new(0x8c, 0x8c, 0x8c);
    private static readonly SKColor Ink = new(0x22, 0x22, 0x22);
    private static readonly SKColor Faint = new(0x66, 0x66, 0x66);

    private readonly SKTypeface _typeface;

    public RaceBarChart(SKTypeface typeface) => _typeface = typeface;

    /// <summary>One bar: its label under the axis, its value and colour; Detect bars are drawn lighter.</summary>
    public sealed record Bar(string Label, double Milliseconds, SKColor Colour, bool EndToEnd);

    /// <summary>One model's bars.</summary>
    public sealed record Panel(string Title, string Note, IReadOnlyList<Bar> Bars);

    public void Draw(string path, string title, string subtitle, IReadOnlyList<Panel> panels, IReadOnlyList<string> footer)
    {
        using var surface = SKSurface.Create(new SKImageInfo(Width, Height));
        SKCanvas canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        Text(canvas, title, Margin, 48, 30, Ink, bold: true);
        Text(canvas, subtitle, Margin, 84, 19, Faint);
        Legend(canvas, Margin, 118);

        int panelWidth = (Width - (2 * Margin)) / panels.Count;
        for (int i = 0; i < panels.Count; i++)
        {
            DrawPanel(canvas, panels[i], Margin + (i * panelWidth), panelWidth);
        }

        for (int i = 0; i < footer.Count; i++)
        {
            Text(canvas, footer[i], Margin, PanelBottom + 78 + (i * 24), 17, i == 0 ? Ink : Faint);
        }

        using SKImage image = surface.Snapshot();
        using SKData png = image.Encode(SKEncodedImageFormat.Png, 100);
        using FileStream file = File.Create(path);
        png.SaveTo(file);
    }

    private void DrawPanel(SKCanvas canvas, Panel panel, int left, int width)
    {
        Text(canvas, panel.Title, left + 10, PanelTop, 22, Ink, bold: true);
        Text(canvas, panel.Note, left + 10, PanelTop + 26, 17, Faint);
        double max = panel.Bars.Max(b => b.Milliseconds) * 1.12;
        int plotTop = PanelTop + 60, plotBottom = PanelBottom;
        int slot = (width - 40) / panel.Bars.Count;
        using var axis = new SKPaint { Color = Faint, StrokeWidth = 1.5f, IsAntialias = true };
        canvas.DrawLine(left + 10, plotBottom, left + width - 30, plotBottom, axis);

        for (int i = 0; i < panel.Bars.Count; i++)
        {
            Bar bar = panel.Bars[i];
            int x = left + 20 + (i * slot) + (i >= 3 ? 12 : 0); // a gap between the network bars and the Detect bars
            float height = (float)(bar.Milliseconds / max * (plotBottom - plotTop));
            var rect = new SKRect(x, plotBottom - height, x + slot - 18, plotBottom);
            using var fill = new SKPaint { Color = bar.EndToEnd ? bar.Colour.WithAlpha(150) : bar.Colour, IsAntialias = true };
            canvas.DrawRect(rect, fill);
            string value = bar.Milliseconds < 10 ? $"{bar.Milliseconds:0.00}" : $"{bar.Milliseconds:0.0}";
            TextCentred(canvas, value, rect.MidX, rect.Top - 8, 17, Ink, bold: true);
            string[] words = bar.Label.Split('\n');
            for (int line = 0; line < words.Length; line++)
            {
                TextCentred(canvas, words[line], rect.MidX, plotBottom + 22 + (line * 19), 15, Ink);
            }
        }
    }

    private void Legend(SKCanvas canvas, int x, int y)
    {
        (string Label, SKColor Colour)[] entries =
        [
            ("BlazeFace managed kernels", Managed),
            ("ONNX Runtime (CPU, 1 thread), same graph", OnnxRuntime),
            ("TensorFlow Lite (WASM + XNNPACK)", Tflite),
        ];
        foreach ((string label, SKColor colour) in entries)
        {
            using var fill = new SKPaint { Color = colour, IsAntialias = true };
            canvas.DrawRect(new SKRect(x, y - 14, x + 18, y + 4), fill);
            x += 26;
            x += (int)Text(canvas, label, x, y, 17, Ink) + 34;
        }

        Text(canvas, "(lighter: end-to-end Detect)", x, y, 17, Faint);
    }

    public static SKColor ColourOf(string engine) => engine switch
    {
        "managed" => Managed,
        "onnx" => OnnxRuntime,
        _ => Tflite,
    };

    private float Text(SKCanvas canvas, string text, float x, float y, float size, SKColor colour, bool bold = false)
    {
        using var font = new SKFont(_typeface, size) { Embolden = bold, Subpixel = true };
        using var paint = new SKPaint { Color = colour, IsAntialias = true };
        canvas.DrawText(text, x, y, SKTextAlign.Left, font, paint);
        return font.MeasureText(text);
    }

    private void TextCentred(SKCanvas canvas, string text, float x, float y, float size, SKColor colour, bool bold = false)
    {
        using var font = new SKFont(_typeface, size) { Embolden = bold, Subpixel = true };
        using var paint = new SKPaint { Color = colour, IsAntialias = true };
        canvas.DrawText(text, x, y, SKTextAlign.Center, font, paint);
    }
}
