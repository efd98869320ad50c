import { Alert, Button, Code, Group, List, Stack, Text, Title } from '@mantine/core';
import { DataTable } from 'mantine-datatable';
import { useCall, useCommand } from '../../api/client';
import { formatInstant } from '../../format';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
/** A path for the command line: quoted when it has spaces. */
const q = (p: string) => (/\s/.test(p) ? `"${p}"` : p);

/**
 * 设置 → 备份与恢复 (issue 14 §11, issue 12 §11): the administrator makes a whole backup — the
 * database, the e-file files, approval documents and the keys — into the data folder's backups,
 * sees what each one holds, and how to restore it. Restoring replaces the database under every
 * open window, so it runs with the program closed (the core refuses while any host holds the folder).
 */
export function BackupAdmin() {
  const list = useCall('backup.list', {});
  const create = useCommand('backup.create', { success: (r) => `已完整备份：${r.name}` });
  const latest = list.data?.backups[0];
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        完整备份包含：数据库（台账、审批、周报、用户、设置、审计日志）、电子卷宗的全部文件、审批表和文书及附件、上报包签名密钥和审计日志密钥。备份保存在数据目录的 backups 文件夹，只有本机账户可读（文件夹 0700、文件 0600）；请定期把它复制到另一块磁盘或移动介质。
      </Text>
      <Group>
        <Button onClick={() => create.mutate({})} loading={create.isPending} disabled={create.isPending}>
          立即完整备份
        </Button>
        {list.data && (
          <Text size="sm" c="dimmed">
            备份文件夹：<Code>{list.data.folder}</Code>
          </Text>
        )}
      </Group>
      <DataTable
        withTableBorder
        striped
        minHeight={120}
        noRecordsText="尚无完整备份"
        records={list.data?.backups ?? []}
        idAccessor="name"
        fetching={list.isLoading}
        data-testid="backups-table"
        columns={[
          { accessor: 'createdAt', title: '时间', width: 170, render: (r) => formatInstant(r.createdAt) },
          { accessor: 'name', title: '名称', width: 220 },
          {
            accessor: 'holds',
            title: '包含',
            render: (r) => (
              <List size="xs" spacing={0}>
                {r.holds.map((h) => (
                  <List.Item key={h}>{h}</List.Item>
                ))}
              </List>
            ),
          },
          { accessor: 'bytes', title: '大小', width: 100, render: (r) => mb(r.bytes) },
        ]}
      />
      <Title order={5}>从备份恢复</Title>
      <Alert color="yellow" title="恢复前请关闭本程序">
        <Stack gap={4}>
          <Text size="sm">
            恢复会用备份替换当前数据库（当前数据库另存到 backups 文件夹，不会删除）。为避免正在运行的窗口在恢复后写入的内容丢失，恢复只能在所有窗口、浏览器模式和命令行都关闭后进行；有程序正在使用时，恢复会被拒绝并说明是哪个程序。恢复会记入审计日志。
          </Text>
          <Text size="sm">关闭本程序后，在命令行运行：</Text>
          <Code block data-testid="restore-command">
            {`xdesk --data ${q(list.data?.dataDir ?? '<数据目录>')} restore ${q(latest?.path ?? '<备份文件夹>')}`}
          </Code>
        </Stack>
      </Alert>
    </Stack>
  );
}
