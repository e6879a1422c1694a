// Shared by the etcd flag checks: with --config-file, etcd ignores its command-line flags, so they prove nothing.
import { t } from '../../model/text.js';

export const ETCD_CONFIG_FILE_IGNORES_FLAGS = {
  flag: 'config-file',
  reason: t(
    'etcd 使用 --config-file 时会忽略其他命令行参数，需要人工核查该配置文件',
    'With --config-file, etcd ignores its other command-line flags: a person must review that file',
  ),
};
