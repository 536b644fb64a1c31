#:package OpenCvSharp4
#:package OpenCvSharp4.official.runtime.linux-x64
// The video the README's `video` throughput is measured on: 640x480 MJPG in an AVI at 30 fps, the astronaut's face
// (a 240 px square cut from the photo; the detected box is about 95 px) moving along a Lissajous path over a grey
// canvas with a fixed noise texture, so the JPEG frames are not trivially small.
// Usage (Linux x64, from this folder): dotnet run make-bench-video.cs ../../assets/images/astronaut.png OUT.avi 300
using System.Globalization;
using OpenCvSharp;

string photoPath = args[0];
string outPath = args[1];
int frames = int.Parse(args[2], CultureInfo.InvariantCulture);
var size = new Size(640, 480);
const int Side = 240;

using Mat photo = Cv2.ImRead(photoPath);
using Mat sprite = photo[new Rect(105, 7, Side, Side)].Clone();
using var background = new Mat(size.Height, size.Width, MatType.CV_8UC3, new Scalar(118, 122, 126));
using (var texture = new Mat(size.Height, size.Width, MatType.CV_8UC3))
{
    // OpenCV's default generator state: the same texture on every run.
    Cv2.Randn(texture, new Scalar(0, 0, 0), new Scalar(10, 10, 10));
    Cv2.Add(background, texture, background);
}

using var writer = new VideoWriter(outPath, VideoCaptureAPIs.FFMPEG, FourCC.MJPG, 30, size);
if (!writer.IsOpened())
{
    throw new IOException("OpenCV cannot write " + outPath);
}

using var frame = new Mat();
for (int i = 0; i < frames; i++)
{
    background.CopyTo(frame);
    double seconds = i / 30.0;
    int left = (int)Math.Round(200 + (190 * Math.Sin(2 * Math.PI * seconds / 5)));
    int top = (int)Math.Round(120 + (110 * Math.Sin(2 * Math.PI * seconds / 3.3)));
    using (Mat target = frame[new Rect(left, top, Side, Side)])
    {
        sprite.CopyTo(target);
    }

    writer.Write(frame);
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{outPath}: {frames} frames, {size.Width}x{size.Height}, MJPG, 30 fps"));
