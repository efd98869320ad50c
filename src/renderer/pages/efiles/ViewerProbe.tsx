import { useSearchParams } from 'react-router';
import { Box } from '@mantine/core';
import { PdfViewer } from '../../pdf/PdfViewer';
import { ImageViewer } from '../../pdf/ImageViewer';

// TEMPORARY probe for measuring the viewer (removed before hand-off).
export function ViewerProbe() {
  const [sp] = useSearchParams();
  const img = sp.get('img');
  return (
    <Box h="calc(100vh - 90px)">
      {img ? <ImageViewer src={img} alt="probe" /> : <PdfViewer source={{ url: sp.get('f') ?? './scan300.pdf' }} initialPage={Number(sp.get('p') ?? 1)} highlight={sp.get('q') ?? ''} />}
    </Box>
  );
}
