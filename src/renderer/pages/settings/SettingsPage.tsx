import { Tabs, Title, Stack } from '@mantine/core';
import { useCall } from '../../api/client';
import { CourtSettings } from './CourtSettings';
import { UsersAdmin } from './UsersAdmin';
import { CourtsAdmin } from './CourtsAdmin';
import { HolidaysAdmin } from './HolidaysAdmin';
import { EfileSettings } from './EfileSettings';
import { ApprovalSettings } from './ApprovalSettings';
import { ImportSynonymsAdmin } from './ImportSynonymsAdmin';
import { BackupAdmin } from './BackupAdmin';

/** Settings: the court's identity and rules for everyone to read, users for the administrator. Modules add tabs. */
export function SettingsPage() {
  const status = useCall('auth.status', {});
  const isAdmin = status.data?.user?.role === 'admin';
  return (
    <Stack>
      <Title order={3}>设置</Title>
      <Tabs defaultValue="court" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="court">本院信息</Tabs.Tab>
          <Tabs.Tab value="holidays">节假日与期限</Tabs.Tab>
          <Tabs.Tab value="efiles">电子卷宗</Tabs.Tab>
          <Tabs.Tab value="approvals">审批</Tabs.Tab>
          {isAdmin && <Tabs.Tab value="users">用户管理</Tabs.Tab>}
          {isAdmin && <Tabs.Tab value="courts">法院</Tabs.Tab>}
          {isAdmin && <Tabs.Tab value="import">台账导入</Tabs.Tab>}
          {isAdmin && <Tabs.Tab value="backup">备份与恢复</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="court" pt="md">
          <CourtSettings editable={isAdmin} />
        </Tabs.Panel>
        <Tabs.Panel value="holidays" pt="md">
          <HolidaysAdmin editable={isAdmin} />
        </Tabs.Panel>
        <Tabs.Panel value="efiles" pt="md">
          <EfileSettings editable={isAdmin} />
        </Tabs.Panel>
        <Tabs.Panel value="approvals" pt="md">
          <ApprovalSettings editable={isAdmin} />
        </Tabs.Panel>
        {isAdmin && (
          <Tabs.Panel value="courts" pt="md">
            <CourtsAdmin />
          </Tabs.Panel>
        )}
        {isAdmin && (
          <Tabs.Panel value="import" pt="md">
            <ImportSynonymsAdmin />
          </Tabs.Panel>
        )}
        {isAdmin && (
          <Tabs.Panel value="backup" pt="md">
            <BackupAdmin />
          </Tabs.Panel>
        )}
        {isAdmin && (
          <Tabs.Panel value="users" pt="md">
            <UsersAdmin />
          </Tabs.Panel>
        )}
      </Tabs>
    </Stack>
  );
}
