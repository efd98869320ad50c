import type { RunningBureau } from './serve';

/** What the console shows at start: where to connect and the fingerprint to compare. */
export function bureauBanner(b: RunningBureau): string {
  return [
    '交叉执行工作台 局内服务器已启动 / bureau server running',
    ...b.urls.map((u) => `  工作站访问地址：${u}`),
    `  证书：${b.certificate.source === 'bureau' ? '本局自签证书' : '管理员提供的证书'}（${b.certificate.certFile}，有效期至 ${b.certificate.validTo}）`,
    `  证书指纹（SHA-256 公钥）：${b.certificate.fingerprint}`,
    '  工作站首次连接时须核对此指纹。按 Ctrl+C 停止。',
  ].join('\n');
}
